import { Entity, type EntityItem } from "electrodb";

export const purchaseStatuses = ["pending", "paid", "refunded"] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];

/**
 * Credits bought through one Stripe Checkout Session, keyed by its id: written
 * `pending` when the session is created, `paid` by the ledger transaction that
 * grants the credits (`purchases/fulfil.ts`), and its refund progress by the
 * transactions that take them back. Listed newest first by user.
 */
export const Purchase = new Entity({
  model: { entity: "purchase", version: "1", service: "market" },
  attributes: {
    checkoutSessionId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    packageId: { type: "string", required: true, readOnly: true },
    credits: { type: "number", required: true, readOnly: true },
    /** What the buyer pays, in cents of `currency`. */
    priceCents: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    status: { type: purchaseStatuses, required: true },
    paymentIntentId: { type: "string" },
    /** Credits the refunds so far call for (proportional to the money refunded). */
    refundedCredits: { type: "number" },
    /** Of those, what the balance could not give back (it had been spent): for the operator. */
    refundShortfall: { type: "number" },
    paidAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    bySession: {
      pk: { field: "pk", composite: ["checkoutSessionId"] },
      sk: { field: "sk", composite: [] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "checkoutSessionId"] },
    },
  },
});

export type PurchaseItem = EntityItem<typeof Purchase>;

/**
 * What Stripe told us about one PaymentIntent, which is all a `charge.refunded`
 * event names: the Checkout Session it paid (set by the grant's transaction) and
 * the money refunded so far. Either may arrive first; whoever writes second
 * finds both and applies the refund (`purchases/refund.ts`).
 */
export const StripePayment = new Entity({
  model: { entity: "stripePayment", version: "1", service: "market" },
  attributes: {
    paymentIntentId: { type: "string", required: true, readOnly: true },
    checkoutSessionId: { type: "string" },
    /** Cents of the charge, and cents refunded so far (cumulative, as Stripe reports it). */
    amountCents: { type: "number" },
    refundedCents: { type: "number" },
    updatedAt: { type: "string" },
  },
  indexes: {
    byPaymentIntent: {
      pk: { field: "pk", composite: ["paymentIntentId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type StripePaymentItem = EntityItem<typeof StripePayment>;
