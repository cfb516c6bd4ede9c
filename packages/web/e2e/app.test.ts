/// <reference lib="dom" />
import { runRankingJob } from "@market/functions/jobs/ranking";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceText,
  buildSpa,
  checkPage,
  haveChromium,
  launchBrowser,
  newUser,
  openFirstMarket as openMarket,
  pagesOf,
  type Stack,
  signUp,
  startStack,
  tabTo,
} from "./stack";

/** Access tokens of the second stack live this long, so they expire mid-test. */
const shortTtlSeconds = 2;

let stack: Stack;
let shortStack: Stack;
let browser: Browser;
let pages: ReturnType<typeof pagesOf>;

function newPage(origin: string = stack.origin): Promise<Page> {
  return pages.newPage(origin);
}

async function openFirstMarket(page: Page): Promise<string> {
  return (await openMarket(page, stack.origin)).title;
}

/** Hashing passwords (argon2id, 19 MiB) is slow on purpose; on a loaded CI machine, seconds. */
const passwordWorkMs = 15_000;

/** Where the page is, and what its form says when it has one (the error, on a failure). */
async function whereNow(page: Page): Promise<string> {
  const path = new URL(page.url()).pathname;
  const form = page.locator("main form");
  return (await form.count()) ? `${path} (${await form.innerText()})` : path;
}

async function myBets(token: string) {
  return (await stack.api("/bets/me", { token })).body.bets as { amount: number }[];
}

describe.skipIf(!haveChromium)("the web app in Chromium", () => {
  beforeAll(async () => {
    const dist = await buildSpa();
    [stack, shortStack, browser] = await Promise.all([
      startStack(dist),
      startStack(dist, { ACCESS_TOKEN_TTL_SECONDS: String(shortTtlSeconds) }),
      launchBrowser(),
    ]);
    pages = pagesOf(browser);
  }, 120_000);

  afterAll(async () => {
    const problems = (await pages?.close()) ?? [];
    await browser?.close();
    await Promise.all([stack?.close(), shortStack?.close()]);
    expect(problems, "CSP violations or page errors").toEqual([]);
  });

  it("signs up, bets 100, and shows 900 credits, the bet and its ledger row without a reload", async () => {
    const page = await newPage();
    const user = newUser("flow");
    await signUp(page, stack.origin, user);

    await openFirstMarket(page);
    await page.getByLabel("Amount (credits)").fill("100");
    await expect.poll(() => page.getByTestId("payout").innerText()).toMatch(/credits$/);
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");
    // One confirmation, announced politely, with what was bet and what it pays.
    const placed = page.getByRole("status").filter({ hasText: /Bet placed: 100 credits on / });
    await expect.poll(() => placed.innerText()).toMatch(/Pays [\d,.]+ credits if it wins/);
    expect(await page.getByText(/Bet placed/).count()).toBe(1);

    await page.getByRole("link", { name: "My bets" }).first().click();
    await expect.poll(() => page.getByRole("table").innerText()).toContain("100");
    await page.getByTestId("balance").click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Transactions");
    const row = page.getByRole("row").filter({ hasText: "Bet placed" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/−100\s+900/);
    // Client-side navigation only: the document itself never reloaded.
    expect(navigations).toBeLessThanOrEqual(3);
    expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  });

  it("places one bet for a double-clicked form", async () => {
    const page = await newPage();
    const user = newUser("double");
    await signUp(page, stack.origin, user);
    await openFirstMarket(page);
    await page.getByLabel("Amount (credits)").fill("50");
    await page.getByRole("button", { name: /Place bet/ }).dblclick();
    await expect.poll(() => balanceText(page)).toBe("950 credits");
    await page.waitForTimeout(500);

    const token = await stack.tokenFor(user.email, user.password);
    expect(await myBets(token)).toHaveLength(1);
    expect((await stack.api("/users/me", { token })).body.creditBalance).toBe(950);
  });

  it("shows how many credits a refused bet is missing, and changes nothing", async () => {
    const page = await newPage();
    const user = newUser("broke");
    await signUp(page, stack.origin, user);
    await openFirstMarket(page);
    const marketId = page.url().split("/").pop() as string;
    // Another device spends most of the balance; this page still shows 1,000.
    const token = await stack.tokenFor(user.email, user.password);
    const spent = await stack.api("/bets", {
      method: "POST",
      token,
      body: { marketId, side: "that", amount: 995 },
    });
    expect(spent.status).toBe(201);

    await page.getByLabel("Amount (credits)").fill("500");
    await page.getByRole("button", { name: /Place bet/ }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.innerText()).toContain("You're 495 credits short");
    expect(await alert.innerText()).toContain("How to get more credits");
    await page.getByRole("button", { name: "How to get more credits" }).click();
    await expect.poll(() => page.getByRole("dialog").innerText()).toContain("daily reward");
    await checkPage(page, "market-402-help");
    await page.keyboard.press("Escape");
    // The header catches up with the real balance, and nothing else moved.
    await expect.poll(() => balanceText(page)).toBe("5 credits");
    expect(await myBets(token)).toHaveLength(1);
    expect((await stack.api("/users/me", { token })).body.creditBalance).toBe(5);
    // Below the low-credit threshold the banner points at the daily reward.
    await expect.poll(() => page.getByText("You're low on credits").count()).toBe(1);
    // Above the balance now known, the button says why it won't bet.
    await page.getByLabel("Amount (credits)").fill("10");
    await expect
      .poll(() => page.getByRole("button", { name: /Place bet/ }).getAttribute("aria-disabled"))
      .toBe("true");
    expect(await page.getByText("That's more than your balance of 5 credits.").count()).toBe(1);
  });

  it("refreshes an expired access token while signed in without the user noticing", async () => {
    const page = await newPage(shortStack.origin);
    const refreshes: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/v1/auth/refresh")) refreshes.push(response.status());
    });
    await signUp(page, shortStack.origin, newUser("refresh"));
    await page.waitForTimeout((shortTtlSeconds + 1) * 1000);

    await page.getByRole("link", { name: "My bets" }).first().click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("My bets");
    await expect.poll(() => page.getByText("No bets yet").count()).toBe(1);
    expect(refreshes).toContain(200);
    expect(new URL(page.url()).pathname).toBe("/bets");
  });

  it("sends the user to sign-in when the refresh fails, and back to the page after", async () => {
    const page = await newPage(shortStack.origin);
    const user = newUser("expired");
    await signUp(page, shortStack.origin, user);
    // The stored refresh token stops working (revoked elsewhere) and the access token expires.
    await page.evaluate(() =>
      localStorage.setItem("credits-market.refresh-token", "revoked-token-0123456789abcdef"),
    );
    await page.waitForTimeout((shortTtlSeconds + 1) * 1000);
    await page.getByTestId("balance").click();

    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/transactions");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/transactions");
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "Sign-up bonus" }).count())
      .toBe(1);
  });

  it("keeps filters and search in the URL, and a reload shows the same list", async () => {
    const page = await newPage();
    await page.goto(`${stack.origin}/`);
    await page.getByLabel("Category").selectOption("Crypto");
    await expect.poll(() => new URL(page.url()).searchParams.get("category")).toBe("Crypto");
    await page.getByLabel("Sort by").selectOption("liquidity");
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("liquidity");
    await page.getByLabel("Search").fill("bitcoin");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("bitcoin");
    const titles = () => page.getByRole("article").getByRole("heading").allInnerTexts();
    await expect.poll(async () => (await titles()).every((t) => /bitcoin/i.test(t))).toBe(true);
    const before = await titles();
    expect(before.length).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(titles).toEqual(before);
    expect(await page.getByLabel("Search").inputValue()).toBe("bitcoin");
    expect(await page.getByLabel("Category").inputValue()).toBe("Crypto");
    expect(await page.getByLabel("Sort by").inputValue()).toBe("liquidity");
  });

  it("resets a forgotten password with the emailed link, then changes it and signs other devices out", async () => {
    const page = await newPage();
    const user = newUser("reset");
    await stack.register(user);
    await page.goto(`${stack.origin}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    // The answer waits PASSWORD_RESET_RESPONSE_MS on purpose (timing): past the
    // poll's default second when four browser suites share two cores.
    await expect
      .poll(() => page.getByText("a reset link is on its way").count(), { timeout: passwordWorkMs })
      .toBe(1);
    await checkPage(page, "forgot-password-sent");

    const [email] = await stack.outbox.list();
    const link = email?.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link as string);
    await page.goto(`${stack.origin}${url.pathname}${url.search}`);
    await page.getByLabel("New password", { exact: true }).waitFor();
    await checkPage(page, "reset-password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Repeat the new password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect
      .poll(() => page.getByText("Your new password is set").count(), { timeout: passwordWorkMs })
      .toBe(1);

    await page.getByRole("link", { name: "Log in" }).last().click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => balanceText(page), { timeout: passwordWorkMs }).toBe("1,000 credits");

    // Another device of the same user, signed in before the change.
    const other = await stack.api("/auth/login", {
      method: "POST",
      body: { email: user.email, password: "a brand new passphrase" },
    });
    expect(other.status).toBe(200);

    await page.goto(`${stack.origin}/account/password`);
    // After the reload the app refreshes its session first: check the form, not the boot.
    await page.getByLabel("Current password").waitFor();
    await checkPage(page, "change-password");
    await page.getByLabel("Current password").fill("a brand new passphrase");
    await page.getByLabel("New password", { exact: true }).fill("the third passphrase");
    await page.getByLabel("Repeat the new password").fill("the third passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    // Two argon2id hashes and a verification: on a busy machine this takes seconds,
    // far past expect.poll's default of one (what hid this flow from the suite before).
    // The toast shows for five seconds from the moment the change lands, before the
    // move to the profile: it is looked for first, or a slow move outlasts it.
    await expect
      .poll(() => page.getByText("Every other device was signed out").count(), {
        timeout: passwordWorkMs,
      })
      .toBe(1);
    await expect.poll(() => whereNow(page), { timeout: passwordWorkMs }).toBe("/profile");
    // The other device is signed out: its access token and its refresh token are refused.
    expect((await stack.api("/users/me", { token: other.body.accessToken })).status).toBe(401);
    const refresh = await stack.api("/auth/refresh", {
      method: "POST",
      body: { refreshToken: other.body.refreshToken },
    });
    expect(refresh.status).toBe(401);
    // This device stays signed in, with the new password, after a reload too.
    await page.reload();
    await expect.poll(() => balanceText(page)).toBe("1,000 credits");
    const login = (password: string) =>
      stack.api("/auth/login", { method: "POST", body: { email: user.email, password } });
    expect((await login("the third passphrase")).status).toBe(200);
    expect((await login("a brand new passphrase")).status).toBe(401);
  }, 60_000);

  it("keeps this device signed in when it reads while the password changes", async () => {
    const page = await newPage();
    const user = newUser("moving");
    await signUp(page, stack.origin, user);
    const refreshes: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/v1/auth/refresh")) refreshes.push(response.status());
    });
    await page.getByRole("link", { name: "Profile" }).first().click();
    await page.getByRole("link", { name: "Change password" }).click();
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("another long passphrase 7");
    await page.getByLabel("Repeat the new password").fill("another long passphrase 7");
    // The sign-in that follows the change is held back while the user moves on to a
    // page that reads with a token: the old one is revoked by now.
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route("**/api/v1/auth/login", async (route) => {
      await held;
      await route.continue();
    });
    const changed = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/password"), {
      timeout: passwordWorkMs,
    });
    await page.getByRole("button", { name: "Change password" }).click();
    expect((await changed).status()).toBe(200);
    await page.getByTestId("balance").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/transactions");
    await page.waitForTimeout(300);
    release();

    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "Sign-up bonus" }).count(), {
        timeout: passwordWorkMs,
      })
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe("/transactions");
    expect(await page.getByText("Your sign-in expired").count()).toBe(0);
    expect(refreshes.filter((status) => status !== 200)).toEqual([]);
    await page.reload();
    await expect.poll(() => balanceText(page)).toBe("1,000 credits");
  });

  it("signs up and bets with the keyboard alone", async () => {
    const page = await newPage();
    const user = newUser("keys");
    await page.goto(`${stack.origin}/signup`);
    await tabTo(page, (d) => d.startsWith("INPUT|username"));
    await page.keyboard.type(user.username);
    await page.keyboard.press("Tab");
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect.poll(() => balanceText(page)).toBe("1,000 credits");

    await tabTo(page, (d) => d.startsWith("A|") && d.includes("/markets/"));
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/markets\//);
    await tabTo(page, (d) => d.startsWith("INPUT|side"));
    await page.keyboard.press("ArrowRight");
    await tabTo(page, (d) => d.startsWith("INPUT|amount"));
    await page.keyboard.type("25");
    await tabTo(page, (d) => d.startsWith("BUTTON") && d.includes("Place bet"));
    await page.keyboard.press("Enter");
    await expect.poll(() => balanceText(page)).toBe("975 credits");
    expect(await page.locator('input[name="side"]:checked').getAttribute("value")).toBe("that");
  });

  it("passes axe, fits 390 and 1280 px, and is screenshotted on every page", async () => {
    const page = await newPage();
    const response = await page.goto(`${stack.origin}/`);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await page.getByRole("article").first().waitFor();
    await checkPage(page, "markets-signed-out");
    await page.goto(`${stack.origin}/login`);
    await checkPage(page, "login");
    await page.goto(`${stack.origin}/signup`);
    await page.getByText("to start").waitFor();
    await checkPage(page, "signup");
    await page.goto(`${stack.origin}/forgot-password`);
    await checkPage(page, "forgot-password");

    const user = newUser("tour");
    await signUp(page, stack.origin, user);
    await page.getByRole("article").first().waitFor();
    await checkPage(page, "markets");
    await openFirstMarket(page);
    await page
      .getByRole("img", { name: /Odds history/ })
      .or(page.getByText("Not enough history"))
      .first()
      .waitFor();
    await page.getByLabel("Amount (credits)").fill("100");
    await checkPage(page, "market");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");

    await page.goto(`${stack.origin}/bets`);
    await page.getByRole("table").waitFor();
    await checkPage(page, "my-bets");
    await page
      .getByRole("link", { name: /^Details of the bet/ })
      .first()
      .click();
    await page.getByText("Odds when placed").waitFor();
    await checkPage(page, "bet");
    await page.goto(`${stack.origin}/transactions`);
    await page.getByRole("table").waitFor();
    await checkPage(page, "transactions");
    await page.goto(`${stack.origin}/profile`);
    await page.getByText("Daily reward").first().waitFor();
    // Bet on, not yet ranked: the boards are those of the last ranking run.
    await page.getByText("Rank by volume: at the next board update").waitFor();
    await page.getByText("Rank by PnL: once a bet settles").waitFor();
    await checkPage(page, "profile");
    await page.getByRole("button", { name: "Claim 100 credits" }).click();
    await expect.poll(() => balanceText(page)).toBe("1,000 credits");
    await expect.poll(() => page.getByText(/Next claim in 23 h 59 min/).count()).toBe(1);
    await checkPage(page, "profile-claimed");
    await page.getByRole("link", { name: "Public profile" }).click();
    await page.getByText("This is how others see you").waitFor();
    await checkPage(page, "public-profile");
    // Own row highlighted on the board (after the stream consumer and the ranking job have run).
    await stack.drainDerived();
    await runRankingJob(stack.core, "test");
    await page.goto(`${stack.origin}/leaderboard?board=volume`);
    const mine = page.getByRole("row", { name: new RegExp(`${user.username} \\(you\\)`) });
    await expect.poll(() => mine.first().getAttribute("aria-current")).toBe("true");
    await checkPage(page, "leaderboard");
    // The profile shows the rank the board shows.
    const volumeRank = (await mine.first().textContent())?.match(/#[\d,]+/)?.[0];
    expect(volumeRank).toBeDefined();
    await page.goto(`${stack.origin}/profile`);
    await page.getByText(`Rank by volume: ${volumeRank}`).waitFor();
    await page.goto(`${stack.origin}/no-such-page`);
    await page.getByText("Page not found").first().waitFor();
    await checkPage(page, "not-found");
  }, 90_000);
});
