/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceText,
  buildSpa,
  checkPage,
  haveChromium,
  launchBrowser,
  newUser,
  pagesOf,
  type Stack,
  signUp,
  startStack,
} from "./stack";

/** The console's admin: an address listed in ADMIN_EMAILS, verified by its emailed link. */
const boss = { ...newUser("boss"), email: `boss${Date.now().toString(36)}@example.com` };

let stack: Stack;
let browser: Browser;
let pages: ReturnType<typeof pagesOf>;

async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto(`${stack.origin}/login`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => balanceText(page), { timeout: 15_000 }).not.toBeNull();
}

async function adminPage(): Promise<Page> {
  const page = await pages.newPage(stack.origin);
  await logIn(page, boss);
  return page;
}

describe.skipIf(!haveChromium)("the admin console in Chromium", () => {
  beforeAll(async () => {
    const dist = await buildSpa();
    [stack, browser] = await Promise.all([
      startStack(dist, { ADMIN_EMAILS: boss.email, SESSION_POLL_SECONDS: "0.3" }),
      launchBrowser(),
    ]);
    pages = pagesOf(browser);
    await stack.register(boss);
    const [verification] = await stack.outbox.list();
    const token = verification?.text.match(/token=([A-Za-z0-9_.-]+)/)?.[1];
    expect(
      (await stack.api("/auth/email/verify", { method: "POST", body: { token } })).status,
    ).toBe(200);
  }, 120_000);

  afterAll(async () => {
    const problems = (await pages?.close()) ?? [];
    await browser?.close();
    await stack?.close();
    expect(problems, "CSP violations or page errors").toEqual([]);
  });

  it("creates a market, a user bets on it, the console resolves it, and the user sees the payout", async () => {
    const admin = await adminPage();
    await admin.getByRole("link", { name: "Admin" }).first().click();
    await expect
      .poll(() => admin.getByRole("heading", { level: 1 }).innerText())
      .toBe("Admin console");

    // Bad input first: the form says what is wrong and sends nothing.
    await admin.getByRole("button", { name: "New market" }).click();
    const form = admin.getByRole("form", { name: "Create a market" });
    await form.getByLabel("Title").fill("Rain");
    await form.getByLabel("Chance of the first option (%)").fill("100");
    await form.getByRole("button", { name: "Create market" }).click();
    await expect.poll(() => form.getByText("Use 5 to 300 characters.").count()).toBe(1);
    expect(await form.getByText("Enter a chance from 1 to 99 (%).").count()).toBe(1);
    expect(await form.getByText("Pick when the market ends.").count()).toBe(1);
    await checkPage(admin, "admin-create-market-errors");

    const title = `Will the harbour ferry run on New Year's Day? ${Date.now().toString(36)}`;
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Chance of the first option (%)").fill("40");
    await form.getByLabel("Category (optional)").fill("Local");
    await form.getByLabel("Ends at").fill("2030-01-01T12:00");
    await form.getByRole("button", { name: "Create market" }).click();
    const row = admin.getByRole("row").filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const marketId = (await row.getByRole("link").getAttribute("href"))?.split("/").pop() as string;

    // A user bets 100 on Yes at 40%: it pays 250.
    const player = await pages.newPage(stack.origin);
    const user = newUser("player");
    await signUp(player, stack.origin, user);
    await player.goto(`${stack.origin}/markets/${marketId}`);
    await player.getByLabel("Amount (credits)").fill("100");
    await expect.poll(() => player.getByTestId("payout").innerText()).toBe("250 credits");
    await player.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(player)).toBe("900 credits");
    // And asks a model, so the model scores have a forecast to score.
    const token = await stack.tokenFor(user.email, user.password);
    const session = await stack.api("/predictions/sessions", {
      method: "POST",
      token,
      body: { marketId, selectedModels: ["consensus"] },
    });
    expect(session.status).toBe(201);
    await expect
      .poll(
        async () =>
          (await stack.api(`/predictions/sessions/${session.body.sessionId}`, { token })).body
            .status,
        { timeout: 15_000 },
      )
      .toBe("finished");

    // The console resolves it, saying first how many bets it settles.
    await row.getByRole("button", { name: `Resolve ${title}` }).click();
    const dialog = admin.getByRole("dialog");
    await expect
      .poll(() => dialog.getByTestId("pending-bets").innerText())
      .toBe("This settles 1 pending bet. It can't be undone.");
    await dialog.getByLabel("Yes won").check();
    await checkPage(admin, "admin-resolve");
    await dialog.getByRole("button", { name: "Resolve: Yes won" }).click();
    const state = admin.getByTestId("settlement-state");
    await expect
      .poll(() => state.innerText(), { timeout: 15_000 })
      .toMatch(/Done\s+1 of 1 bet settled/);
    await expect
      .poll(() => admin.getByText("Yes won", { exact: true }).count(), { timeout: 10_000 })
      .toBe(1);
    await checkPage(admin, "admin-markets-settled");

    // The user's balance and My bets show the payout (899 after the model's credit + 250).
    await player.goto(`${stack.origin}/bets?status=won`);
    await expect.poll(() => balanceText(player), { timeout: 10_000 }).toBe("1,149 credits");
    const bet = player.getByRole("row").filter({ hasText: title });
    await expect.poll(() => bet.count()).toBe(1);
    expect(await bet.innerText()).toMatch(/Won[\s\S]*250[\s\S]*\+150/);

    // The forecast is scored once the market resolved: the model scores page shows it.
    await player.goto(`${stack.origin}/models`);
    const consensus = player.getByRole("row").filter({ hasText: "Market consensus" });
    await expect
      .poll(() => consensus.innerText())
      .toMatch(/Market consensus\s+\d+\s+\d+%\s+1\s+0\.\d{3}/);
    // The chart's own drawing, not its frame (which holds a skeleton while the chart's code loads).
    await player
      .getByRole("img", { name: /^Calibration chart/ })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    await checkPage(player, "model-scores");
  }, 90_000);

  it("finds a user, grants credits with a reason (audited), sets the plan, runs a job and shows analytics", async () => {
    const user = newUser("granted");
    await stack.register(user);
    const admin = await adminPage();
    await admin.goto(`${stack.origin}/admin/users`);
    await admin.getByLabel("Email").fill(user.email.slice(0, 12));
    await admin.getByRole("button", { name: "Find" }).click();
    await admin.locator("#main").getByRole("link", { name: user.username }).click();
    await expect.poll(() => admin.getByTestId("user-facts").innerText()).toContain("1,000 credits");

    // Bad input: no amount and no reason are refused here, and nothing moves.
    const credits = admin.getByRole("form", { name: "Grant or adjust credits" });
    await credits.getByRole("button", { name: "Grant credits" }).click();
    await expect.poll(() => credits.getByText("Enter an amount other than 0.").count()).toBe(1);
    expect(await credits.getByText("Say why (it goes into the audit trail).").count()).toBe(1);
    await credits.getByLabel("Amount (credits)").fill("-5");
    await expect
      .poll(() => credits.getByText("A grant adds credits: use an adjustment to take.").count())
      .toBe(1);

    await credits.getByLabel("Amount (credits)").fill("250");
    await credits.getByLabel("Reason").fill("Contest prize");
    await credits.getByRole("button", { name: "Grant credits" }).click();
    await expect
      .poll(() => admin.getByTestId("user-facts").innerText(), { timeout: 10_000 })
      .toContain("1,250 credits");
    // The audit trail and the ledger are read again after the grant, each on its
    // own: wait for both (on a loaded machine either may come second).
    const audit = admin.getByRole("table", { name: "Audit trail" });
    await expect
      .poll(() => audit.innerText(), { timeout: 10_000 })
      .toMatch(/Credit grant[\s\S]*\+250 \(1,000 → 1,250\)[\s\S]*Contest prize/);
    await expect
      .poll(() => admin.getByRole("table", { name: "Ledger" }).innerText(), { timeout: 10_000 })
      .toMatch(/Credit grant\s+\+250\s+1,250/);

    const plan = admin.getByRole("form", { name: "Set the plan" });
    await plan.getByLabel("Plan").selectOption("unlimited");
    await plan.getByLabel("Reason").fill("Beta tester");
    await plan.getByRole("button", { name: "Set plan" }).click();
    await expect
      .poll(() => audit.innerText(), { timeout: 10_000 })
      .toMatch(/Plan change[\s\S]*free → unlimited[\s\S]*Beta tester/);
    await checkPage(admin, "admin-user");

    await admin.getByRole("link", { name: "Jobs" }).click();
    const reconcile = admin.getByRole("region", { name: "Reconcile ledgers" });
    await reconcile.getByRole("button", { name: "Run now" }).click();
    await expect
      .poll(() => reconcile.getByTestId("job-report").innerText(), { timeout: 15_000 })
      .toMatch(/Differences\s+none/);
    // In words, not raw JSON or ISO timestamps.
    const report = await reconcile.getByTestId("job-report").innerText();
    expect(report).toMatch(/Started at\s+\w{3} \d+, \d{4}/);
    expect(report).toMatch(/Scanned\s+items [\d,]+ · users \d+/);
    expect(report).not.toMatch(/[{}"]|\d{2}:\d{2}:\d{2}\.\d+Z/);
    await checkPage(admin, "admin-jobs");

    await admin.getByRole("link", { name: "Analytics" }).click();
    await admin.getByRole("img", { name: /^Credits issued and spent/ }).waitFor();
    await admin.getByRole("img", { name: /^Daily active users/ }).waitFor();
    await admin.getByText("Figures").first().click();
    // Column headers are upper-cased by CSS, and innerText says them so.
    expect(
      await admin.getByRole("table", { name: "Credits issued and spent" }).innerText(),
    ).toMatch(/In: Credit grant/i);
    await checkPage(admin, "admin-analytics");
  }, 90_000);

  it("gives a non-admin no admin navigation, and shows the admin routes as not allowed", async () => {
    const page = await pages.newPage(stack.origin);
    const user = newUser("nosy");
    await signUp(page, stack.origin, user);
    expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
    for (const path of ["/admin", "/admin/users", "/admin/jobs", "/admin/analytics"]) {
      await page.goto(`${stack.origin}${path}`);
      // By name: a new account's first-run guide has a heading of its own on every page.
      await page.getByRole("heading", { level: 2, name: "Not allowed" }).waitFor();
    }
    await checkPage(page, "admin-not-allowed");
    // The API refuses them too, whatever the page shows.
    const token = await stack.tokenFor(user.email, user.password);
    expect((await stack.api("/admin/users?email=a", { token })).status).toBe(403);
  });
});
