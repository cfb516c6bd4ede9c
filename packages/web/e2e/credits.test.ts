/// <reference lib="dom" />
import { afterAll, describe, expect, it } from "vitest";
import {
  type StripeStandIn,
  startStripeStandIn,
} from "../../core/src/test-support/stripe-stand-in";
import {
  type BrowserSuite,
  balanceText,
  checkPage,
  creditsOf,
  haveChromium,
  newUser,
  signUp,
  useBrowserStack,
} from "./stack";

const webhookSecret = "whsec_browser_test";
let standIn: StripeStandIn;
let suite: BrowserSuite;

/**
 * Stripe's side on loopback: the hosted Checkout page "pays" at once: it
 * delivers the signed `checkout.session.completed` to the app's webhook, as
 * Stripe would, then sends the browser to `success_url`.
 */
function startStripe() {
  return startStripeStandIn({
    webhookSecret,
    async onPay(session, response) {
      const paid = standIn.paidEvent(session.id);
      const delivered = await suite.stack.app.request("/api/v1/credits/stripe-webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": paid?.signature ?? "" },
        body: paid?.payload ?? "",
      });
      expect(delivered.status).toBe(200);
      // PUBLIC_URL is the default localhost:3000; the stack listens on a port of its own.
      const success = new URL(
        (session.form.get("success_url") ?? "").replace("{CHECKOUT_SESSION_ID}", session.id),
      );
      response.writeHead(303, {
        location: `${suite.stack.origin}${success.pathname}${success.search}`,
      });
      response.end();
    },
  });
}

describe.skipIf(!haveChromium)("credits in Chromium", () => {
  suite = useBrowserStack(async () => {
    standIn = await startStripe();
    return {
      STRIPE_SECRET_KEY: "sk_test_browser",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_BASE: standIn.url,
      TRANSFER_MIN_ACCOUNT_AGE_HOURS: "0",
    };
  });
  afterAll(async () => {
    await standIn?.close();
  });

  it("buys a package through Checkout and lands on the success page with the new balance", async () => {
    const page = await suite.pages.newPage(suite.stack.origin);
    await signUp(page, suite.stack.origin, newUser("buyer"));
    await page.getByRole("link", { name: "Get credits" }).first().click();
    await page.getByRole("button", { name: /^Buy 550 credits for \$5\.00$/ }).click();
    await page.waitForURL(/\/credits\/success\?session_id=/, { timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId("new-balance").innerText(), { timeout: 15_000 })
      .toBe("1,550 credits");
    await expect.poll(() => balanceText(page)).toBe("1,550 credits");
    await page.getByTestId("balance").click();
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "Credits bought" }).count())
      .toBe(1);
  }, 60_000);

  it("sends credits from a public profile", async () => {
    const receiver = newUser("friend");
    const token = await suite.stack.register(receiver);
    const { body: friend } = await suite.stack.api("/users/me", { token });
    const page = await suite.pages.newPage(suite.stack.origin);
    await signUp(page, suite.stack.origin, newUser("giver"));
    await page.goto(`${suite.stack.origin}/users/${friend.id}`);
    await page.getByLabel("Amount").fill("25");
    await page.getByLabel("Note (optional)").fill("good call");
    await page.getByRole("button", { name: "Send credits" }).click();
    await expect.poll(() => balanceText(page)).toBe("975 credits");
    const { body: after } = await suite.stack.api("/users/me", { token });
    expect(creditsOf(String(after.creditBalance))).toBe(1025);

    // Where my credits went: the stream consumer (running beside the stack) counts the gift
    // under "Credits sent" in this week, beside the sign-up bonus; a reload may come before it.
    // Bars drawn at once, so the screenshots after each resize show them where they end up.
    await page.emulateMedia({ reducedMotion: "reduce" });
    const figures = () =>
      page.getByTestId("credit-flows").getByRole("list", { name: /per week, by type/ });
    await expect
      .poll(
        async () => {
          await page.goto(`${suite.stack.origin}/transactions`);
          await page
            .getByTestId("credit-flows")
            .getByRole("img")
            .or(page.getByText("No credits in or out"))
            .first()
            .waitFor();
          return (await figures().count()) > 0 ? figures().innerText() : "";
        },
        { timeout: 15_000 },
      )
      .toMatch(/Out: Credits sent 25(;|$)/);
    expect(await figures().innerText()).toMatch(/In: Sign-up bonus 1,000/);
    await page.getByRole("table").waitFor();
    // The chart library arrives with the first chart.
    await page.getByTestId("credit-flows").locator("svg.recharts-surface").first().waitFor();
    await checkPage(page, "transactions-credit-flows");
    await page.goto(`${suite.stack.origin}/profile`);
    const onProfile = page.getByTestId("credit-flows");
    await expect.poll(() => onProfile.innerText()).toMatch(/Where my credits went/);
    await expect
      .poll(() => onProfile.getByRole("list").innerText())
      .toMatch(/Out: Credits sent 25/);
    await onProfile.locator("svg.recharts-surface").first().waitFor();
    await checkPage(page, "profile-credit-flows");
  }, 90_000);
});
