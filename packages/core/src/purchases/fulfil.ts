import type { CoreContext } from "../context";
import { postLedgerEntry } from "../ledger/post";
import { serviceFor } from "../service";
import { InvalidWebhook } from "./errors";
import { applyRefunds } from "./refund";

/** A paid Checkout Session as its `checkout.session.completed` event carries it. */
export interface PaidSession {
  checkoutSessionId: string;
  userId: string;
  packageId: string;
  credits: number;
  paymentIntentId: string | null;
  priceCents: number;
  currency: string;
}

export interface Fulfilment {
  checkoutSessionId: string;
  /** False when an earlier delivery of the event had granted the credits. */
  granted: boolean;
  balanceAfter: number;
}

/**
 * Grants a paid Checkout Session's credits, exactly once: the ledger entry's
 * idempotency key is the session id, so a redelivered, replayed or concurrent
 * copy of the event writes nothing more. The same transaction marks the
 * Purchase `paid` and records which session the PaymentIntent paid, so a
 * refund that arrived first (events come in any order) is applied right after.
 * The package was checked against the balance cap at checkout; credits that no
 * longer fit are forfeited on the record rather than refusing a paid order.
 */
export async function fulfilCheckout(ctx: CoreContext, session: PaidSession): Promise<Fulfilment> {
  const service = serviceFor(ctx.db);
  const { data: purchase } = await service.entities.purchase
    .get({ checkoutSessionId: session.checkoutSessionId })
    .go({ consistent: true });
  if (purchase && purchase.userId !== session.userId) {
    throw new InvalidWebhook("the session's user is not the purchase's");
  }
  const credits = purchase?.credits ?? session.credits;
  const now = ctx.clock().toISOString();
  const posting = await postLedgerEntry(ctx, {
    userId: session.userId,
    amount: credits,
    type: "purchase",
    reason: `Bought ${credits.toLocaleString("en-US")} credits`,
    referenceId: session.checkoutSessionId,
    idempotencyKey: `purchase#${session.checkoutSessionId}`,
    upToCap: true,
    alsoWrite: (entities) => ({
      purchase: purchase
        ? entities.purchase
            .patch({ checkoutSessionId: session.checkoutSessionId })
            .set({
              status: "paid",
              paidAt: now,
              updatedAt: now,
              ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
            })
            .where(({ status }, { eq }) => eq(status, "pending"))
            .commit()
        : entities.purchase
            .create({
              checkoutSessionId: session.checkoutSessionId,
              userId: session.userId,
              packageId: session.packageId,
              credits,
              priceCents: session.priceCents,
              currency: session.currency,
              status: "paid",
              ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
              paidAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .commit(),
      ...(session.paymentIntentId
        ? {
            payment: entities.stripePayment
              .update({ paymentIntentId: session.paymentIntentId })
              .set({ checkoutSessionId: session.checkoutSessionId, updatedAt: now })
              .commit(),
          }
        : {}),
    }),
  });
  // Written before ours or after: either this read or the refund's own sees both halves.
  await applyRefunds(ctx, session.checkoutSessionId);
  return {
    checkoutSessionId: session.checkoutSessionId,
    granted: !posting.replayed,
    balanceAfter: posting.balanceAfter,
  };
}
