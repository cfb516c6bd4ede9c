/// <reference lib="dom" />
import { settleMarketPage } from "@market/core/bets";
import { resolveMarket } from "@market/core/markets";
import { describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  balanceText,
  haveChromium,
  newUser,
  openFirstMarket,
  signUp,
  useBrowserStack,
} from "./stack";

let suite: BrowserSuite;

/** "1,234.5 credits" as a number. */
const creditsOf = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

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

    // The market's later settlement finds no pending bet of this user to pay.
    await resolveMarket(suite.stack.core, marketId, "this");
    await settleMarketPage(suite.stack.core, marketId);
    await page.reload();
    await expect.poll(async () => creditsOf(await balanceText(page))).toBe(900 + quoted);
  }, 60_000);
});
