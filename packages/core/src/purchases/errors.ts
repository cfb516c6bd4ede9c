import { DomainError } from "../errors";

/** Stripe is not configured here: no `STRIPE_SECRET_KEY` (or, for webhooks, no `STRIPE_WEBHOOK_SECRET`). */
export class PurchasesDisabled extends DomainError {
  constructor(missing: "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET") {
    super(
      "PURCHASES_DISABLED",
      `Buying credits is turned off on this server: set ${missing} (see docs/deploy.md, "Payments")`,
      { missing },
    );
  }
}

export class PackageNotFound extends DomainError {
  constructor(packageId: string) {
    super("PACKAGE_NOT_FOUND", "No credit package with this id", { packageId });
  }
}

/** Stripe answered with an error or not at all; nothing was bought. */
export class PaymentProviderError extends DomainError {
  constructor(cause: unknown) {
    super("PAYMENT_PROVIDER_ERROR", "The payment provider failed, try again", undefined, {
      cause,
    });
  }
}

/** A webhook whose signature does not verify (forged, stale, altered) or whose event is malformed. */
export class InvalidWebhook extends DomainError {
  constructor(reason: string, cause?: unknown) {
    super("INVALID_WEBHOOK", `Webhook refused: ${reason}`, { reason }, { cause });
  }
}
