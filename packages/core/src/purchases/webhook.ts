import { z } from "zod";
import type { CoreContext } from "../context";
import { InvalidWebhook } from "./errors";
import { type Fulfilment, fulfilCheckout } from "./fulfil";
import { type RefundOutcome, recordChargeRefund } from "./refund";
import { verifyWebhook } from "./stripe";

const completedSession = z.object({
  id: z.string().min(1),
  payment_status: z.string(),
  client_reference_id: z.string().nullish(),
  metadata: z.object({
    userId: z.string().min(1),
    packageId: z.string().min(1),
    credits: z.coerce.number().int().positive(),
  }),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .nullish()
    .transform((value) => (typeof value === "string" ? value : (value?.id ?? null))),
  amount_total: z.number().int().nonnegative().nullish(),
  currency: z.string().nullish(),
});

const refundedCharge = z.object({
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .transform((value) => (typeof value === "string" ? value : value.id)),
  amount: z.number().int().positive(),
  amount_refunded: z.number().int().nonnegative(),
});

export type WebhookOutcome =
  | { event: string; outcome: "fulfilled"; fulfilment: Fulfilment }
  | { event: string; outcome: "refund"; refund: RefundOutcome }
  | { event: string; outcome: "ignored"; why: string };

/**
 * One Stripe webhook delivery: verified on its raw body (`verifyWebhook`), then
 * `checkout.session.completed` (and `…async_payment_succeeded`) with
 * `payment_status: paid` grants the purchase, `charge.refunded` takes the
 * refunded credits back. Every handler is idempotent, so Stripe's redeliveries
 * and events in any order are safe; other events are acknowledged and ignored.
 */
export async function handleStripeWebhook(
  ctx: CoreContext,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const event = verifyWebhook(ctx.config, rawBody, signature, ctx.clock());
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = parse(completedSession, event.object, event.type);
      if (session.payment_status !== "paid") {
        return { event: event.type, outcome: "ignored", why: "not paid yet" };
      }
      const fulfilment = await fulfilCheckout(ctx, {
        checkoutSessionId: session.id,
        userId: session.metadata.userId,
        packageId: session.metadata.packageId,
        credits: session.metadata.credits,
        paymentIntentId: session.payment_intent,
        priceCents: session.amount_total ?? 0,
        currency: session.currency ?? "usd",
      });
      return { event: event.type, outcome: "fulfilled", fulfilment };
    }
    case "charge.refunded": {
      const charge = parse(refundedCharge, event.object, event.type);
      const refund = await recordChargeRefund(ctx, {
        paymentIntentId: charge.payment_intent,
        amountCents: charge.amount,
        refundedCents: charge.amount_refunded,
      });
      return { event: event.type, outcome: "refund", refund };
    }
    default:
      return { event: event.type, outcome: "ignored", why: "not an event this app acts on" };
  }
}

function parse<T extends z.ZodType>(schema: T, object: unknown, type: string): z.infer<T> {
  const parsed = schema.safeParse(object);
  if (!parsed.success) throw new InvalidWebhook(`malformed ${type} event`, parsed.error);
  return parsed.data;
}
