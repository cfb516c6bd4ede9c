export { type StartedCheckout, startCheckout } from "./checkout";
export * from "./errors";
export { type Fulfilment, fulfilCheckout, type PaidSession } from "./fulfil";
export { type CreditPackage, creditPackages, packageById } from "./packages";
export { listPurchases, purchaseListSize, toPurchaseView } from "./read";
export { applyRefunds, type ChargeRefund, type RefundOutcome, recordChargeRefund } from "./refund";
export { handleStripeWebhook, type WebhookOutcome } from "./webhook";
