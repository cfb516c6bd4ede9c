import { getBalance, history, reconcile } from "@market/core/ledger";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkoutCompleted,
  type StripeStandIn,
  startStripeStandIn,
} from "../../../../core/src/test-support/stripe-stand-in";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

const webhookSecret = "whsec_test_secret_for_the_loopback_stand_in";
const now = new Date("2026-05-01T12:00:00.000Z");
let stripeStandIn: StripeStandIn;
let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  // Stripe's Checkout Sessions API, as far as the SDK's create call reads it.
  stripeStandIn = await startStripeStandIn({ webhookSecret });
  setup = await createTestApp({
    clock: () => now,
    env: {
      ACCESS_TOKEN_TTL_SECONDS: String(365 * 24 * 60 * 60),
      STRIPE_SECRET_KEY: "sk_test_loopback",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_BASE: stripeStandIn.url,
      BALANCE_CAP: "5000",
    },
  });
});

afterAll(async () => {
  await stripeStandIn.close();
});

const checkout = (user: SignedInUser, packageId: string) =>
  setup.app.request(
    "/api/v1/credits/checkout",
    jsonRequest("POST", { packageId }, bearer(user.accessToken)),
  );

/** Opens a Checkout Session for the user and returns its id. */
async function openSession(user: SignedInUser, packageId = "medium"): Promise<string> {
  const response = await checkout(user, packageId);
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; url: string };
  expect(body.url).toContain(body.id);
  return body.id;
}

function completedEvent(user: SignedInUser, sessionId: string, paymentIntent: string) {
  return checkoutCompleted({
    sessionId,
    userId: user.user.id,
    packageId: "medium",
    credits: "550",
    amountCents: 500,
    paymentIntent,
  });
}

function refundedEvent(paymentIntent: string, refundedCents: number) {
  return {
    id: `evt_refund_${paymentIntent}_${refundedCents}`,
    object: "event",
    type: "charge.refunded",
    data: {
      object: {
        id: `ch_${paymentIntent}`,
        object: "charge",
        payment_intent: paymentIntent,
        amount: 500,
        amount_refunded: refundedCents,
      },
    },
  };
}

/** Signs with the SDK's own test helper, `at` seconds (default: the app's clock). */
function signed(payload: string, options: { secret?: string; at?: Date } = {}) {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    timestamp: Math.floor((options.at ?? now).getTime() / 1000),
  });
}

const deliver = (payload: string, signature: string | undefined) =>
  setup.app.request("/api/v1/credits/stripe-webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
    body: payload,
  });

const balanceOf = async (user: SignedInUser) =>
  (await getBalance(setup.core, user.user.id)).balance;

describe("credit packages", () => {
  it("lists the configured packages and says purchases are on", async () => {
    const response = await setup.app.request("/api/v1/credits/packages");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      enabled: true,
      packages: [
        { id: "small", credits: 100, price: 1, currency: "usd" },
        { id: "medium", credits: 550, price: 5, currency: "usd" },
        { id: "large", credits: 1200, price: 10, currency: "usd" },
      ],
    });
  });
});

describe("POST /credits/checkout", () => {
  it("opens a Checkout Session carrying the user and the package, and lists it pending", async () => {
    const ada = await registerUser(setup.app);
    const before = stripeStandIn.server.requests.length;
    const sessionId = await openSession(ada, "large");
    const sent = stripeStandIn.server.requests[before];
    const form = new URLSearchParams(sent?.body ?? "");
    expect(sent?.headers.authorization).toBe("Bearer sk_test_loopback");
    expect(form.get("mode")).toBe("payment");
    expect(form.get("client_reference_id")).toBe(ada.user.id);
    expect(form.get("metadata[userId]")).toBe(ada.user.id);
    expect(form.get("metadata[packageId]")).toBe("large");
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("1000");
    expect(form.get("success_url")).toContain("/credits/success?session_id={CHECKOUT_SESSION_ID}");

    const listed = await setup.app.request("/api/v1/credits/purchases", {
      headers: bearer(ada.accessToken),
    });
    expect(await listed.json()).toMatchObject({
      purchases: [{ id: sessionId, credits: 1200, price: 10, status: "pending", paidAt: null }],
    });
    expect(await balanceOf(ada)).toBe(1000);
  });

  it("refuses up front a package that would lift the balance past the cap", async () => {
    const bo = await registerUser(setup.app);
    const before = stripeStandIn.server.requests.length;
    // The purchase's own package decides the credits (1,200), whatever the event says:
    // 1,000 + 3 × 1,200 fits under 5,000, a fourth does not.
    for (let index = 0; index < 3; index++) {
      const sessionId = await openSession(bo, "large");
      const payload = JSON.stringify(completedEvent(bo, sessionId, `pi_cap_${sessionId}`));
      expect((await deliver(payload, signed(payload))).status).toBe(200);
    }
    expect(await balanceOf(bo)).toBe(1000 + 3 * 1200);
    const refused = await checkout(bo, "large");
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: "BALANCE_CAP_EXCEEDED" });
    expect(stripeStandIn.server.requests.length).toBe(before + 3);
  });

  it("answers 404 for an unknown package and 400 for a bad body", async () => {
    const cy = await registerUser(setup.app);
    expect((await checkout(cy, "huge")).status).toBe(404);
    const bad = await setup.app.request(
      "/api/v1/credits/checkout",
      jsonRequest("POST", { packageId: 5 }, bearer(cy.accessToken)),
    );
    expect(bad.status).toBe(400);
  });

  it("is 503 PURCHASES_DISABLED without Stripe keys, and the packages say so", async () => {
    const bare = await createTestApp();
    const dee = await registerUser(bare.app);
    const response = await bare.app.request(
      "/api/v1/credits/checkout",
      jsonRequest("POST", { packageId: "small" }, bearer(dee.accessToken)),
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { code: string; error: string };
    expect(body.code).toBe("PURCHASES_DISABLED");
    expect(body.error).toContain("STRIPE_SECRET_KEY");
    const listed = await bare.app.request("/api/v1/credits/packages");
    expect(await listed.json()).toMatchObject({ enabled: false });
    const webhook = await bare.app.request("/api/v1/credits/stripe-webhook", {
      method: "POST",
      body: "{}",
    });
    expect(webhook.status).toBe(503);
  });
});

describe("POST /credits/stripe-webhook", () => {
  it("grants a paid session once, delivered three times and concurrently", async () => {
    const eve = await registerUser(setup.app);
    const sessionId = await openSession(eve);
    const payload = JSON.stringify(completedEvent(eve, sessionId, `pi_${sessionId}`));
    const responses = await Promise.all(
      Array.from({ length: 3 }, () => deliver(payload, signed(payload))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    // And once more, later, as Stripe's retries would.
    expect((await deliver(payload, signed(payload))).status).toBe(200);

    expect(await balanceOf(eve)).toBe(1550);
    const entries = await history(setup.core, eve.user.id, { type: "purchase" });
    expect(entries.entries).toHaveLength(1);
    expect(entries.entries[0]).toMatchObject({ amount: 550, referenceId: sessionId });
    const listed = await setup.app.request("/api/v1/credits/purchases", {
      headers: bearer(eve.accessToken),
    });
    expect(await listed.json()).toMatchObject({
      purchases: [{ id: sessionId, status: "paid", paidAt: now.toISOString() }],
    });
    const typed = await setup.app.request("/api/v1/transactions/me?type=purchase", {
      headers: bearer(eve.accessToken),
    });
    expect(await typed.json()).toMatchObject({ total: 1 });
    expect((await reconcile(setup.core, eve.user.id)).consistent).toBe(true);
  });

  it.each([
    [
      "a forged signature",
      (payload: string) => ({ payload, signature: signed(payload, { secret: "whsec_forged" }) }),
    ],
    [
      "a replay older than the tolerance",
      (payload: string) => ({
        payload,
        signature: signed(payload, { at: new Date(now.getTime() - 301_000) }),
      }),
    ],
    [
      "a body altered after signing",
      (payload: string) => ({
        payload: payload.replace('"credits":"550"', '"credits":"55000"'),
        signature: signed(payload),
      }),
    ],
    ["no signature at all", (payload: string) => ({ payload, signature: undefined })],
    ["a garbage signature", (payload: string) => ({ payload, signature: "t=1,v1=abc" })],
  ])("refuses %s with 400 and grants nothing", async (_name, tamper) => {
    const fay = await registerUser(setup.app);
    const sessionId = await openSession(fay);
    const genuine = JSON.stringify(completedEvent(fay, sessionId, `pi_${sessionId}`));
    const { payload, signature } = tamper(genuine);
    const response = await deliver(payload, signature);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_WEBHOOK" });
    expect(await balanceOf(fay)).toBe(1000);
    expect((await history(setup.core, fay.user.id, { type: "purchase" })).entries).toHaveLength(0);
  });

  it("refuses a correctly signed but malformed event with 400", async () => {
    const payload = JSON.stringify({
      id: "evt_malformed",
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: "cs_x", payment_status: "paid", metadata: {} } },
    });
    const response = await deliver(payload, signed(payload));
    expect(response.status).toBe(400);
    expect((await deliver("not json", signed("not json"))).status).toBe(400);
  });

  it("acknowledges an unpaid session and other events without granting", async () => {
    const gus = await registerUser(setup.app);
    const sessionId = await openSession(gus);
    const event = completedEvent(gus, sessionId, `pi_${sessionId}`);
    event.data.object.payment_status = "unpaid";
    const payload = JSON.stringify(event);
    expect((await deliver(payload, signed(payload))).status).toBe(200);
    const other = JSON.stringify({
      id: "evt_other",
      type: "customer.created",
      data: { object: {} },
    });
    expect((await deliver(other, signed(other))).status).toBe(200);
    expect(await balanceOf(gus)).toBe(1000);
  });

  it("takes refunded credits back, partially then in full, once each", async () => {
    const hal = await registerUser(setup.app);
    const sessionId = await openSession(hal);
    const intent = `pi_${sessionId}`;
    const paid = JSON.stringify(completedEvent(hal, sessionId, intent));
    await deliver(paid, signed(paid));
    expect(await balanceOf(hal)).toBe(1550);

    const half = JSON.stringify(refundedEvent(intent, 250));
    await Promise.all([deliver(half, signed(half)), deliver(half, signed(half))]);
    expect(await balanceOf(hal)).toBe(1275);
    const full = JSON.stringify(refundedEvent(intent, 500));
    expect((await deliver(full, signed(full))).status).toBe(200);
    // The older partial event arriving late changes nothing.
    expect((await deliver(half, signed(half))).status).toBe(200);
    expect(await balanceOf(hal)).toBe(1000);

    const refunds = await history(setup.core, hal.user.id, { type: "purchase_refund" });
    expect(refunds.entries.map((entry) => entry.amount).sort()).toEqual([-275, -275]);
    const listed = await setup.app.request("/api/v1/credits/purchases", {
      headers: bearer(hal.accessToken),
    });
    expect(await listed.json()).toMatchObject({
      purchases: [{ id: sessionId, status: "refunded", refundedCredits: 550 }],
    });
    expect((await reconcile(setup.core, hal.user.id)).consistent).toBe(true);
  });

  it("takes back no more than the balance and records the shortfall", async () => {
    const ivy = await registerUser(setup.app);
    const sessionId = await openSession(ivy);
    const intent = `pi_${sessionId}`;
    const paid = JSON.stringify(completedEvent(ivy, sessionId, intent));
    await deliver(paid, signed(paid));
    // Spend most of it: an admin adjustment stands in for lost bets.
    const { postLedgerEntry } = await import("@market/core/ledger");
    await postLedgerEntry(setup.core, {
      userId: ivy.user.id,
      amount: -1450,
      type: "admin_adjustment",
      reason: "spent",
    });
    const full = JSON.stringify(refundedEvent(intent, 500));
    expect((await deliver(full, signed(full))).status).toBe(200);
    expect(await balanceOf(ivy)).toBe(0);
    const { data } = await import("@market/core/service").then(({ serviceFor }) =>
      serviceFor(setup.core.db).entities.purchase.get({ checkoutSessionId: sessionId }).go(),
    );
    expect(data).toMatchObject({ status: "refunded", refundedCredits: 550, refundShortfall: 450 });
    expect((await reconcile(setup.core, ivy.user.id)).consistent).toBe(true);
  });

  it("applies a refund that arrives before the session's completion", async () => {
    const jo = await registerUser(setup.app);
    const sessionId = await openSession(jo);
    const intent = `pi_${sessionId}`;
    const refund = JSON.stringify(refundedEvent(intent, 500));
    expect((await deliver(refund, signed(refund))).status).toBe(200);
    expect(await balanceOf(jo)).toBe(1000);
    const paid = JSON.stringify(completedEvent(jo, sessionId, intent));
    expect((await deliver(paid, signed(paid))).status).toBe(200);
    expect(await balanceOf(jo)).toBe(1000);
    const entries = await history(setup.core, jo.user.id);
    expect(entries.entries.map((entry) => entry.type)).toEqual([
      "purchase_refund",
      "purchase",
      "signup_bonus",
    ]);
  });
});
