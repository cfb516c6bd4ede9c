import { z } from "@hono/zod-openapi";
import { purchaseStatuses } from "@market/core/entities";
import { authedRoute, publicRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse, stageThrottled } from "../../http/schemas";

export const CreditPackageSchema = z
  .object({
    id: z.string(),
    credits: z.number().int(),
    price: z.number().openapi({ description: "In US dollars, e.g. 5 for $5.00" }),
    currency: z.literal("usd"),
  })
  .openapi("CreditPackage");

export const PurchaseSchema = z
  .object({
    id: z.string().openapi({ description: "The Stripe Checkout Session id" }),
    packageId: z.string(),
    credits: z.number().int(),
    price: z.number(),
    currency: z.string(),
    status: z.enum(purchaseStatuses),
    refundedCredits: z.number().openapi({ description: "Credits refunds called back so far" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    paidAt: z.string().openapi({ format: "date-time" }).nullable(),
  })
  .openapi("Purchase");

export const packages = publicRoute({
  method: "get",
  path: "/credits/packages",
  operationId: "listCreditPackages",
  tags: ["Credits"],
  summary: "The credit packages on sale",
  description:
    "`enabled` is false when this server has no Stripe keys: the packages are listed, " +
    "and `POST /credits/checkout` answers 503 `PURCHASES_DISABLED`.",
  responses: {
    200: jsonResponse(
      "The packages",
      z.object({ enabled: z.boolean(), packages: z.array(CreditPackageSchema) }),
    ),
    429: stageThrottled,
  },
});

export const checkout = authedRoute({
  method: "post",
  path: "/credits/checkout",
  operationId: "startCreditCheckout",
  tags: ["Credits"],
  summary: "Open a Stripe Checkout page for one package",
  description:
    "Send the browser to `url`. The credits arrive with Stripe's `checkout.session.completed` " +
    "webhook; Checkout returns to `/credits/success` or `/credits/failure`.",
  request: { body: jsonBody(z.object({ packageId: z.string().min(1).max(32) }).strict()) },
  responses: {
    201: jsonResponse(
      "The Checkout Session",
      z.object({ id: z.string(), url: z.string().openapi({ format: "uri" }) }),
    ),
    400: errorContent("Invalid body"),
    404: errorContent("PACKAGE_NOT_FOUND"),
    422: errorContent("BALANCE_CAP_EXCEEDED: the package would lift the balance past the cap"),
    502: errorContent("PAYMENT_PROVIDER_ERROR: Stripe failed; nothing was bought"),
    503: errorContent("PURCHASES_DISABLED: no STRIPE_SECRET_KEY on this server"),
  },
});

export const stripeWebhook = publicRoute({
  method: "post",
  path: "/credits/stripe-webhook",
  operationId: "receiveStripeWebhook",
  tags: ["Credits"],
  summary: "Stripe's webhook (signed events; not for clients)",
  description:
    "The raw body is verified against `Stripe-Signature` with `STRIPE_WEBHOOK_SECRET`. " +
    "`checkout.session.completed` (paid) grants a purchase once; `charge.refunded` takes " +
    "the refunded credits back, down to 0 at most. Other events are acknowledged.",
  responses: {
    200: jsonResponse("Handled (or ignored)", z.object({ received: z.literal(true) })),
    400: errorContent("INVALID_WEBHOOK: unsigned, forged, stale, altered or malformed"),
    429: stageThrottled,
    503: errorContent("PURCHASES_DISABLED: no STRIPE_WEBHOOK_SECRET on this server"),
  },
});

export const purchases = authedRoute({
  method: "get",
  path: "/credits/purchases",
  operationId: "listMyPurchases",
  tags: ["Credits"],
  summary: "My credit purchases, newest first (the last 100)",
  responses: {
    200: jsonResponse("My purchases", z.object({ purchases: z.array(PurchaseSchema) })),
  },
});
