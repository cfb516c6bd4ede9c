import { fromCents } from "@market/core/money";
import {
  creditPackages,
  handleStripeWebhook,
  listPurchases,
  startCheckout,
  toPurchaseView,
} from "@market/core/purchases";
import type { AppRouteHandler } from "../../http/route-kinds";
import { logger } from "../../logger";
import type * as routes from "./credits.routes";

export const packages: AppRouteHandler<typeof routes.packages> = (c) => {
  const { enabled, packages: offers } = creditPackages(c.var.core.config);
  return c.json(
    {
      enabled,
      packages: offers.map((offer) => ({
        id: offer.id,
        credits: offer.credits,
        price: fromCents(offer.priceCents),
        currency: "usd" as const,
      })),
    },
    200,
  );
};

export const checkout: AppRouteHandler<typeof routes.checkout> = async (c) => {
  const { packageId } = c.req.valid("json");
  const started = await startCheckout(c.var.core, { userId: c.var.caller.userId, packageId });
  return c.json({ id: started.checkoutSessionId, url: started.url }, 201);
};

export const stripeWebhook: AppRouteHandler<typeof routes.stripeWebhook> = async (c) => {
  // The signature covers the exact bytes: read them before anything parses the body.
  const raw = await c.req.text();
  const outcome = await handleStripeWebhook(c.var.core, raw, c.req.header("stripe-signature"));
  if (outcome.outcome === "refund" && outcome.refund.shortfall > 0) {
    logger.warn("purchase refund shortfall: credits already spent", { ...outcome.refund });
  }
  return c.json({ received: true as const }, 200);
};

export const purchases: AppRouteHandler<typeof routes.purchases> = async (c) => {
  const items = await listPurchases(c.var.core, c.var.caller.userId);
  return c.json({ purchases: items.map(toPurchaseView) }, 200);
};
