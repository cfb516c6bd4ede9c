import {
  type StripeStandIn,
  startStripeStandIn,
} from "../../packages/core/src/test-support/stripe-stand-in";
import { call, type LoadStats } from "./driver";

/**
 * The credit economy in the load mix (issue 27), so the end-of-run ledger check
 * covers purchases, gifts and referrals: Checkout answered by a loopback Stripe
 * stand-in whose paid event the user's "payment" delivers, signed, to the
 * app's webhook; gifts between users; users who register through a referral
 * link, paid once their first bet settles (the resolution phase settles one).
 */
export interface Economy {
  standIn: StripeStandIn;
  /** What the API needs to take part: Stripe pointed at the stand-in, gifts from new accounts. */
  env: Record<string, string>;
}

export async function startEconomy(): Promise<Economy> {
  const webhookSecret = "whsec_load";
  const standIn = await startStripeStandIn({ webhookSecret });
  return {
    standIn,
    env: {
      STRIPE_SECRET_KEY: "sk_test_load",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_BASE: standIn.url,
      TRANSFER_MIN_ACCOUNT_AGE_HOURS: "0",
    },
  };
}

/** A purchase as a user makes it: a Checkout Session, then Stripe's signed event on payment. */
export async function buyCredits(
  stats: LoadStats,
  origin: string,
  token: string | undefined,
  economy: Economy,
  packageId: string,
): Promise<void> {
  const checkout = await call<{ id?: string }>(stats, origin, "checkout", {
    method: "POST",
    path: "/api/v1/credits/checkout",
    token,
    body: { packageId },
  });
  const sessionId = checkout.body.id;
  const paid = sessionId ? economy.standIn.paidEvent(sessionId) : undefined;
  if (!paid) return;
  // Stripe delivers at least once: now and then the same event twice.
  const deliveries = Math.random() < 0.2 ? 2 : 1;
  for (let delivery = 0; delivery < deliveries; delivery++) {
    await call(stats, origin, "stripe webhook", {
      method: "POST",
      path: "/api/v1/credits/stripe-webhook",
      headers: { "stripe-signature": paid.signature },
      body: paid.payload,
    });
  }
}

/** A gift of the smallest amount to one of the users who registered with a username. */
export async function sendGift(
  stats: LoadStats,
  origin: string,
  token: string | undefined,
  toUsername: string,
  amount: number,
): Promise<void> {
  await call(stats, origin, "gift", {
    method: "POST",
    path: "/api/v1/transfers",
    token,
    body: { toUsername, amount, note: "load test" },
  });
}
