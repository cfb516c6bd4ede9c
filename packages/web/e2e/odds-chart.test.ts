/// <reference lib="dom" />
import { serviceFor } from "@market/core/service";
import { describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  balanceText,
  haveChromium,
  newUser,
  signUp,
  useBrowserStack,
} from "./stack";

let suite: BrowserSuite;

/** The first demo market; its invented history goes back about five months. */
const marketPath = "/markets/pm_990000101";

describe.skipIf(!haveChromium)("the odds chart in Chromium", () => {
  // The first two demo markets get their (invented) histories on the stack's first sync.
  suite = useBrowserStack({ ODDS_BACKFILLS_PER_SYNC: "2" });

  it("shows months of history with a tooltip, ranges, and the user's own bet marked", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    await signUp(page, suite.stack.origin, newUser("chart"));
    await page.goto(marketPath);
    const chart = page.getByTestId("odds-chart");
    const pointsShown = async () => Number(await chart.getAttribute("data-points"));

    // All: hundreds of points (downsampled to at most 300, plus the odds of now) over months.
    await expect.poll(pointsShown, { timeout: 15_000 }).toBeGreaterThan(200);
    expect(await pointsShown()).toBeLessThanOrEqual(301);
    expect(
      await page
        .getByRole("button", { name: "All, the whole history" })
        .getAttribute("aria-pressed"),
    ).toBe("true");
    const plot = chart.locator(".recharts-wrapper > svg");
    // The x axis's dates ("Jul 10"): the months they name.
    const months = async () =>
      new Set(
        (await plot.locator("text").allTextContents())
          .filter((tick) => /^[A-Z][a-z]{2} \d{1,2}$/.test(tick))
          .map((tick) => tick.split(" ")[0]),
      );
    expect((await months()).size).toBeGreaterThanOrEqual(3);

    // Hovering the plot shows the time and both prices of the point under the pointer.
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error("chart has no box");
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    const tooltip = page.getByTestId("odds-tooltip");
    await expect.poll(() => tooltip.count()).toBe(1);
    const tip = await tooltip.innerText();
    expect(tip).toMatch(/\d{4}|AM|PM/);
    expect(tip).toMatch(/Yes: \d+(\.\d)?%/);
    expect(tip).toMatch(/No: \d+(\.\d)?%/);
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect.poll(() => tooltip.innerText()).not.toBe(tip);

    // 1W: a week of 6-hour points, dates within the week; 1D: a handful.
    await page.getByRole("button", { name: "1W, the last week" }).click();
    await expect.poll(pointsShown).toBeLessThan(40);
    expect(await pointsShown()).toBeGreaterThan(20);
    expect((await months()).size).toBeLessThanOrEqual(2);
    await page.getByRole("button", { name: "1D, the last day" }).click();
    await expect.poll(pointsShown).toBeLessThan(10);
    expect(
      await page.getByRole("button", { name: "1D, the last day" }).getAttribute("aria-pressed"),
    ).toBe("true");

    // A bet of mine shows on the chart where (and at what price) it was placed.
    await page.getByLabel("Amount (credits)").fill("50");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("950 credits");
    await expect.poll(() => page.getByTestId("my-bets-on-chart").count()).toBe(1);
    expect(await page.getByTestId("my-bets-on-chart").innerText()).toMatch(/Yes at 23%/);
    expect(await chart.locator(".my-bet-marker").count()).toBe(1);
  }, 90_000);

  it("changes the odds on an open market page without a reload when the mirror changes", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    // Signed in: anonymous market reads may come from a shared cache for 60 s (http/cache-control.ts).
    await signUp(page, suite.stack.origin, newUser("live"));
    await page.goto("/markets/pm_990000104");
    const yes = page.getByText("Yes", { exact: true }).first().locator("..");
    await expect.poll(() => yes.innerText()).toMatch(/48%/);
    const loads: string[] = [];
    page.on("framenavigated", (frame) => loads.push(frame.url()));

    // What the odds refresh writes when Polymarket's price moves.
    await serviceFor(suite.stack.db)
      .entities.market.patch({ marketId: "pm_990000104" })
      .set({ thisOdds: 0.61, thatOdds: 0.39, oddsUpdatedAt: new Date().toISOString() })
      .go();

    // The page reads the market again within a refresh (30 s), without navigating.
    await expect.poll(() => yes.innerText(), { timeout: 45_000, interval: 1_000 }).toMatch(/61%/);
    expect(loads).toEqual([]);
  }, 80_000);

  it("refuses a bet whose odds moved since the form showed them, shows the new price and keeps the amount", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    await signUp(page, suite.stack.origin, newUser("moved"));
    await page.goto("/markets/pm_990000105");
    const form = page.getByRole("form", { name: "Place a bet" });
    await expect.poll(() => form.innerText()).toMatch(/44%/);
    await page.getByLabel("Amount (credits)").fill("100");

    // The mirror moves while the user decides.
    await serviceFor(suite.stack.db)
      .entities.market.patch({ marketId: "pm_990000105" })
      .set({ thisOdds: 0.6, thatOdds: 0.4, oddsUpdatedAt: new Date().toISOString() })
      .go();
    await page.getByRole("button", { name: /Place bet/ }).click();

    const alert = form.getByText(/The odds moved/);
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/Yes is now 60% \(it was 44%\)/);
    expect(await page.getByLabel("Amount (credits)").inputValue()).toBe("100");
    expect(await balanceText(page)).toBe("1,000 credits");
    // The form shows the new price; placing again takes it.
    await expect.poll(() => page.getByTestId("payout").innerText()).toMatch(/166\.67/);
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");
  }, 60_000);
});
