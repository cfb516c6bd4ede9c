/// <reference lib="dom" />
import { postAdminCredit } from "@market/core/admin";
import { describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  balanceText,
  checkPage,
  haveChromium,
  newUser,
  openFirstMarket,
  signUp,
  useBrowserStack,
  winOnlyBet,
} from "./stack";

let suite: BrowserSuite;

describe.skipIf(!haveChromium)("notifications in Chromium", () => {
  // The bell re-reads the count every 0.3 s here (30 s by default).
  suite = useBrowserStack({ NOTIFICATION_POLL_SECONDS: "0.3" });

  it("a won bet raises the bell's count without a reload, and its notification opens the bet", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    const user = newUser("bell");
    await signUp(page, suite.stack.origin, user);
    const bell = page.getByTestId("bell");
    expect(await bell.getAttribute("aria-label")).toBe("Notifications");
    const { marketId } = await openFirstMarket(page, suite.stack.origin);
    await page.getByLabel("Amount (credits)").fill("100");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("900 credits");
    const bet = await winOnlyBet(suite.stack, user, marketId);
    // No drain: the stack's stream reader polls in the background, as under `npm start`.

    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    expect(await page.getByTestId("unread-count").innerText()).toBe("1");
    await bell.click();
    const item = page.getByRole("listitem").filter({ hasText: "Your bet won" });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/paid/);
    await checkPage(page, "notifications");
    await item.getByRole("link", { name: "View bet" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/bets/${bet.id}`);
    // Opening it marked it read.
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications");
  }, 90_000);

  it("shows an admin's reason on the transaction row and in the notification", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    const user = newUser("grant");
    await signUp(page, suite.stack.origin, user);
    const token = await suite.stack.tokenFor(user.email, user.password);
    const me = (await suite.stack.api("/users/me", { token })).body as { id: string };
    await postAdminCredit(suite.stack.core, {
      adminId: "admin-e2e",
      userId: me.id,
      type: "admin_grant",
      amount: 5,
      reason: "Welcome gift",
    });

    await page.getByTestId("balance").click();
    const row = page.getByRole("row").filter({ hasText: "Credit grant" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain("Welcome gift");
    await page.getByTestId("bell").click();
    const item = page.getByRole("listitem").filter({ hasText: "Credits granted" });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain("+5 credits by an admin: Welcome gift");
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect
      .poll(() => page.getByTestId("bell").getAttribute("aria-label"))
      .toBe("Notifications");
  }, 90_000);
});
