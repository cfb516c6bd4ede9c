import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import type { PurchaseItem } from "../entities/purchase";
import { IdempotencyKeyReused, InsufficientBalance } from "../errors";
import { ExtraWriteRejected } from "../ledger/errors";
import { postLedgerEntry } from "../ledger/post";
import { fromCents, toCents } from "../money";
import { serviceFor, type TransactionEntities } from "../service";

/** A `charge.refunded` event: the money refunded so far of one PaymentIntent's charge. */
export interface ChargeRefund {
  paymentIntentId: string;
  amountCents: number;
  /** Cumulative, as Stripe reports it: a second partial refund reports both. */
  refundedCents: number;
}

export interface RefundOutcome {
  /** The purchase the refund applied to; null until its completion arrives. */
  checkoutSessionId: string | null;
  /** Credits taken back now, and credits the balance could not give back (already spent). */
  takenBack: number;
  shortfall: number;
}

/**
 * Records a charge's refund and, once the purchase it paid for is known and
 * granted, takes the refunded share of its credits back. A refund that comes
 * before the session's completion is kept (`StripePayment`) and applied by
 * `fulfilCheckout`. An older or repeated event moves nothing: the refunded
 * total only grows.
 */
export async function recordChargeRefund(
  ctx: CoreContext,
  refund: ChargeRefund,
): Promise<RefundOutcome> {
  const payments = serviceFor(ctx.db).entities.stripePayment;
  try {
    await payments
      .update({ paymentIntentId: refund.paymentIntentId })
      .set({
        amountCents: refund.amountCents,
        refundedCents: refund.refundedCents,
        updatedAt: ctx.clock().toISOString(),
      })
      .where(
        ({ refundedCents }, { notExists, lt }) =>
          `${notExists(refundedCents)} OR ${lt(refundedCents, refund.refundedCents)}`,
      )
      .go();
  } catch (error) {
    // An older or repeated event: the total it reports is already recorded.
    if (!isConditionFailed(error)) throw error;
  }
  const { data: payment } = await payments
    .get({ paymentIntentId: refund.paymentIntentId })
    .go({ consistent: true });
  if (!payment?.checkoutSessionId) return { checkoutSessionId: null, takenBack: 0, shortfall: 0 };
  return applyRefunds(ctx, payment.checkoutSessionId);
}

const maxAttempts = 20;

/**
 * Brings a granted purchase's taken-back credits up to the share of its price
 * refunded so far: takes what the balance holds, down to 0 at most, and
 * records the rest as the purchase's `refundShortfall` for the operator. The
 * ledger entry's key names the refunded level and the purchase's update is
 * conditioned on the level it started from, so two deliveries never take twice.
 */
export async function applyRefunds(
  ctx: CoreContext,
  checkoutSessionId: string,
): Promise<RefundOutcome> {
  const service = serviceFor(ctx.db);
  const outcome = { checkoutSessionId, takenBack: 0, shortfall: 0 };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const { data: purchase } = await service.entities.purchase
      .get({ checkoutSessionId })
      .go({ consistent: true });
    if (!purchase || purchase.status === "pending" || !purchase.paymentIntentId) return outcome;
    const { data: payment } = await service.entities.stripePayment
      .get({ paymentIntentId: purchase.paymentIntentId })
      .go({ consistent: true });
    const target = refundedShare(purchase, payment?.refundedCents, payment?.amountCents);
    const done = purchase.refundedCredits ?? 0;
    if (target <= done) return outcome;

    const { data: user } = await service.entities.user
      .get({ userId: purchase.userId })
      .go({ consistent: true });
    if (!user) return outcome;
    const dueCents = toCents(target - done);
    const takeCents = Math.min(dueCents, toCents(user.balance));
    const shortfall = fromCents(dueCents - takeCents);
    const progress = (entities: TransactionEntities) =>
      refundProgress(entities, ctx, purchase, { from: done, to: target, shortfall });
    try {
      if (takeCents > 0) {
        await postLedgerEntry(ctx, {
          userId: purchase.userId,
          amount: -fromCents(takeCents),
          type: "purchase_refund",
          reason: `Purchase refunded (${target} of ${purchase.credits} credits)`,
          referenceId: checkoutSessionId,
          idempotencyKey: `purchase_refund#${checkoutSessionId}#${target}`,
          knownUser: user,
          alsoWrite: (entities) => ({ purchase: progress(entities) }),
        });
      } else {
        await service.transaction.write((entities) => [progress(entities)]).go();
        // A cancelled transaction is another writer's progress: read again.
        const { data: now } = await service.entities.purchase
          .get({ checkoutSessionId })
          .go({ consistent: true });
        if ((now?.refundedCredits ?? 0) !== target) continue;
      }
      return { checkoutSessionId, takenBack: fromCents(takeCents), shortfall };
    } catch (error) {
      // The balance moved, or another delivery got there first: look again.
      if (
        error instanceof InsufficientBalance ||
        error instanceof IdempotencyKeyReused ||
        (error instanceof ExtraWriteRejected && error.write === "purchase")
      ) {
        continue;
      }
      throw error;
    }
  }
  return outcome;
}

/** Credits matching the money refunded, in proportion to the price, whole credits, at most all. */
function refundedShare(
  purchase: PurchaseItem,
  refundedCents: number | undefined,
  amountCents: number | undefined,
): number {
  if (!refundedCents || refundedCents <= 0) return 0;
  const paid = amountCents && amountCents > 0 ? amountCents : purchase.priceCents;
  return Math.min(purchase.credits, Math.round((purchase.credits * refundedCents) / paid));
}

function refundProgress(
  entities: TransactionEntities,
  ctx: CoreContext,
  purchase: PurchaseItem,
  step: { from: number; to: number; shortfall: number },
) {
  return entities.purchase
    .patch({ checkoutSessionId: purchase.checkoutSessionId })
    .set({
      refundedCredits: step.to,
      status: step.to >= purchase.credits ? "refunded" : "paid",
      updatedAt: ctx.clock().toISOString(),
    })
    .add({ refundShortfall: step.shortfall })
    .where(({ refundedCredits }, { eq, notExists }) =>
      step.from === 0
        ? `(${notExists(refundedCredits)} OR ${eq(refundedCredits, 0)})`
        : eq(refundedCredits, step.from),
    )
    .commit();
}
