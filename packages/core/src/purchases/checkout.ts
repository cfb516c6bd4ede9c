import type { CoreContext } from "../context";
import { BalanceCapExceeded, UserNotFound } from "../errors";
import { toCents } from "../money";
import { serviceFor } from "../service";
import { PaymentProviderError } from "./errors";
import { packageById } from "./packages";
import { stripeFor } from "./stripe";

export interface StartedCheckout {
  checkoutSessionId: string;
  /** Stripe's hosted payment page for this purchase. */
  url: string;
}

/**
 * Opens a Stripe Checkout Session for one package: the user and the package
 * ride in its metadata (and the user in `client_reference_id`), and a
 * `pending` Purchase is written under its id. Refused up front, before anyone
 * pays, when the credits would lift the balance past `BALANCE_CAP`.
 */
export async function startCheckout(
  ctx: CoreContext,
  input: { userId: string; packageId: string },
): Promise<StartedCheckout> {
  const stripe = stripeFor(ctx.config);
  const offer = packageById(ctx.config, input.packageId);
  const service = serviceFor(ctx.db);
  const { data: user } = await service.entities.user
    .get({ userId: input.userId })
    .go({ consistent: true, attributes: ["balance"] });
  if (!user) throw new UserNotFound(input.userId);
  if (toCents(user.balance) + toCents(offer.credits) > toCents(ctx.config.BALANCE_CAP)) {
    throw new BalanceCapExceeded({
      balance: user.balance,
      amount: offer.credits,
      cap: ctx.config.BALANCE_CAP,
    });
  }

  const base = ctx.config.PUBLIC_URL.replace(/\/+$/, "");
  let session: { id: string; url: string | null };
  try {
    session = await stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: input.userId,
      metadata: { userId: input.userId, packageId: offer.id, credits: String(offer.credits) },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: offer.priceCents,
            product_data: { name: `${offer.credits.toLocaleString("en-US")} credits` },
          },
        },
      ],
      success_url: `${base}/credits/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/credits/failure`,
    });
  } catch (error) {
    throw new PaymentProviderError(error);
  }
  if (!session.url) throw new PaymentProviderError("Checkout Session without a url");

  const now = ctx.clock().toISOString();
  await service.entities.purchase
    .create({
      checkoutSessionId: session.id,
      userId: input.userId,
      packageId: offer.id,
      credits: offer.credits,
      priceCents: offer.priceCents,
      currency: "usd",
      status: "pending",
      createdAt: now,
      updatedAt: now,
    })
    .go();
  return { checkoutSessionId: session.id, url: session.url };
}
