/// <reference lib="dom" />
import { settleMarketPage } from "@market/core/bets";
import { resolveMarket } from "@market/core/markets";
import { describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  balanceText,
  checkPage,
  creditsOf,
  haveChromium,
  newUser,
  openFirstMarket,
  signUp,
  useBrowserStack,
  winOnlyBet,
} from "./stack";

let suite: BrowserSuite;

/** An amount as the web app writes it: `1,000`, `999.99`. */
const shown = (amount: number) =>
  new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(amount);

describe.skipIf(!haveChromium)("cash-out in Chromium", () => {
  suite = useBrowserStack();

  it("bets, sees the position's value, cashes out at the quote, and settlement pays nothing more", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    await signUp(page, suite.stack.origin, newUser("cashout"));
    const { marketId } = await openFirstMarket(page, suite.stack.origin);
    await page.getByLabel("Amount (credits)").fill("100");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");

    await page.getByRole("link", { name: "My bets" }).first().click();
    const table = page.getByRole("table");
    await expect.poll(() => table.innerText()).toMatch(/value/i);
    await page
      .getByRole("link", { name: /^Cash out the bet on/ })
      .first()
      .click();
    await expect.poll(() => page.getByText("Worth now").count()).toBe(1);

    await page.getByRole("button", { name: "Cash out" }).click();
    const quote = page.getByLabel("Cash-out quote");
    await expect.poll(() => quote.innerText()).toMatch(/You receive/);
    expect(await quote.innerText()).toMatch(/Fee \(5%\)/);
    const confirm = page.getByRole("button", { name: /Confirm cash-out for/ });
    const quoted = creditsOf((await confirm.innerText()).replace(/^.*for/, ""));
    await confirm.click();

    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /Cashed out for/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(async () => creditsOf(await balanceText(page))).toBe(900 + quoted);
    await page.getByTestId("balance").click();
    const row = page.getByRole("row").filter({ hasText: "Bet cashed out" });
    await expect.poll(() => row.count()).toBe(1);

    // The profile's portfolio: no open position left, the cash-out's P&L realized.
    await page.goto(`${suite.stack.origin}/profile`);
    const portfolio = page.getByRole("region", { name: "Portfolio" });
    await expect.poll(() => portfolio.innerText()).toMatch(/No open positions/);
    const realized = Math.round((quoted - 100) * 100) / 100;
    expect(await page.getByTestId("portfolio-realized").innerText()).toBe(
      realized < 0 ? `\u2212${shown(-realized)}` : `+${shown(realized)}`,
    );

    // The public profile lists the cash-out among the recent results.
    await page.getByRole("link", { name: "Public profile" }).click();
    const results = page.getByRole("region", { name: "Recent results" });
    const result = results.getByRole("row").filter({ hasText: "Cashed out" });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.innerText()).toContain(shown(quoted));

    // The market's later settlement finds no pending bet of this user to pay.
    await resolveMarket(suite.stack.core, marketId, "this");
    await settleMarketPage(suite.stack.core, marketId);
    await page.reload();
    await expect.poll(async () => creditsOf(await balanceText(page))).toBe(900 + quoted);
  }, 60_000);

  it("lists an open position on the profile's portfolio at today's value, fits a phone, and shows it publicly without the balance", async () => {
    const { origin } = suite.stack;
    const page = await suite.pages.newPage(origin);
    await signUp(page, origin, newUser("portfolio"));
    const { title } = await openFirstMarket(page, origin);
    await page.getByLabel("Amount (credits)").fill("100");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");

    await page.goto(`${origin}/profile`);
    const portfolio = page.getByRole("region", { name: "Portfolio" });
    const row = portfolio.getByRole("row").filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    // Placed at today's odds, so worth its stake give or take the payout's rounding.
    const value = Number((await page.getByTestId("portfolio-value").innerText()).replace(/,/g, ""));
    expect(Math.abs(value - 100)).toBeLessThanOrEqual(0.01);
    expect(await page.getByTestId("portfolio-balance").innerText()).toBe("900");
    expect(await page.getByTestId("portfolio-invested").innerText()).toBe("100");
    expect(await page.getByTestId("portfolio-total").innerText()).toBe(
      shown(Math.round((900 + value) * 100) / 100),
    );
    expect(await row.innerText()).toContain(shown(value));

    // The chart of the total over the week: from the signup (1,000) to now, described in words.
    const chart = portfolio.getByTestId("portfolio-chart");
    await expect.poll(() => chart.getAttribute("data-range")).toBe("1w");
    expect(Number(await chart.getAttribute("data-points"))).toBe(2);
    const plot = portfolio.getByRole("img", { name: /^Portfolio total chart\./ });
    expect(await plot.getAttribute("aria-label")).toMatch(
      /Your total went from 1,000 credits to [\d,.]+ credits between .+ and .+\./,
    );
    expect(await chart.locator("figcaption").innerText()).toMatch(/^Your total went from/);
    const week = portfolio.getByRole("button", { name: "1W, the last week" });
    expect(await week.getAttribute("aria-pressed")).toBe("true");

    // Hovering the plot shows the time and what the total was made of.
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error("chart has no box");
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    const tooltip = page.getByTestId("portfolio-tooltip");
    await expect.poll(() => tooltip.count()).toBe(1);
    expect(await tooltip.innerText()).toMatch(/Total: [\d,.]+\s+Balance: 900\s+Positions: /);

    // Another range asks the API again and draws its answer; the totals stay.
    const month = portfolio.getByRole("button", { name: "1M, the last month" });
    await month.click();
    await expect.poll(() => chart.getAttribute("data-range")).toBe("1m");
    expect(await month.getAttribute("aria-pressed")).toBe("true");
    expect(await week.getAttribute("aria-pressed")).toBe("false");
    expect(await page.getByTestId("portfolio-balance").innerText()).toBe("900");
    await portfolio.getByRole("button", { name: "All, the time since you joined" }).click();
    await expect.poll(() => chart.getAttribute("data-range")).toBe("all");
    // Without the drawing animation, so the screenshots show the whole line.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await checkPage(page, "portfolio");

    // The row leads to the bet, where it can be cashed out.
    await row.getByRole("link", { name: /^Details or cash out of the bet on/ }).click();
    await expect.poll(() => page.getByText("Worth now").count()).toBe(1);

    // The public profile lists the position and its totals, not the balance nor the bet.
    await page.goto(`${origin}/profile`);
    await page.getByRole("link", { name: "Public profile" }).click();
    const open = page.getByRole("region", { name: "Open positions" });
    await expect.poll(() => open.getByRole("row").filter({ hasText: title }).count()).toBe(1);
    expect(await open.innerText()).not.toMatch(/Balance/);
    expect(await open.getByRole("link", { name: /Details or cash out/ }).count()).toBe(0);
    expect(await open.getByRole("link", { name: title }).count()).toBe(1);
    expect(await page.getByRole("region", { name: "Recent results" }).innerText()).toMatch(
      /No results yet/,
    );
    await checkPage(page, "public-portfolio");
  }, 60_000);

  it("turns payout emails on from the profile with the keyboard, keeps them after a reload, and a won bet sends one", async () => {
    const { origin } = suite.stack;
    const page = await suite.pages.newPage(origin);
    const user = newUser("payoutmail");
    await signUp(page, origin, user);
    const { marketId, title } = await openFirstMarket(page, origin);
    await page.getByLabel("Amount (credits)").fill("100");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");

    await page.goto(`${origin}/profile`);
    const box = page.getByRole("checkbox", { name: "Email me when a bet pays out" });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    // A save the server refuses says so and puts the box back.
    await page.route(
      "**/api/v1/users/me/preferences",
      (route) =>
        route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ code: "SERVICE_UNAVAILABLE", message: "Try again later" }),
        }),
      { times: 1 },
    );
    await box.focus();
    await page.keyboard.press("Space");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Not saved:" }).count())
      .toBe(1);
    await expect.poll(() => box.isChecked()).toBe(false);
    // The keyboard's focus stayed on the box: Space again saves it.
    await page.keyboard.press("Space");
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: `Saved: we'll email ${user.email} when a bet pays out.` })
          .count(),
      )
      .toBe(1);
    await page.reload();
    await box.waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.scrollIntoViewIfNeeded();
    await checkPage(page, "profile-email-preferences");

    const bet = await winOnlyBet(suite.stack, user, marketId);
    // The stack's stream reader sends it in the background, as under `npm start`.
    // Signing up sent a verification link too: only the payout emails count here.
    const mail = async () =>
      (await suite.stack.outbox.list(500)).filter(
        (email) => email.to === user.email && email.subject.startsWith("Your bet won"),
      );
    await expect.poll(async () => (await mail()).length, { timeout: 15_000 }).toBe(1);
    const [email] = await mail();
    expect(email?.subject).toMatch(/^Your bet won: [\d.]+ credits paid$/);
    expect(email?.text).toContain(title);
    expect(email?.text).toContain(`/bets/${bet.id}`);
  }, 60_000);
});
