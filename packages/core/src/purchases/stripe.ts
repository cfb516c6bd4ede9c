import Stripe from "stripe";
import type { Config } from "../config";
import { InvalidWebhook, PurchasesDisabled } from "./errors";

const clients = new WeakMap<Config, Stripe>();

/**
 * The Stripe SDK client for this configuration, built once. `STRIPE_API_BASE`
 * points it elsewhere than Stripe's API (tests: a loopback stand-in). Without
 * `STRIPE_SECRET_KEY` purchases are off: `PurchasesDisabled`.
 */
export function stripeFor(config: Config): Stripe {
  const key = config.STRIPE_SECRET_KEY;
  if (!key) throw new PurchasesDisabled("STRIPE_SECRET_KEY");
  let client = clients.get(config);
  if (!client) {
    client = new Stripe(key, {
      ...apiBaseOptions(config.STRIPE_API_BASE),
      maxNetworkRetries: 1,
      timeout: 10_000,
      telemetry: false,
    });
    clients.set(config, client);
  }
  return client;
}

function apiBaseOptions(base: string | undefined): Stripe.StripeConfig {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    host: url.hostname,
    port: url.port || (protocol === "http" ? 80 : 443),
    protocol,
  };
}

/** A verified webhook event: what the handlers read of it. */
export interface VerifiedEvent {
  id: string;
  type: string;
  object: Record<string, unknown>;
}

/**
 * Verifies `Stripe-Signature` over the raw body with `STRIPE_WEBHOOK_SECRET`
 * (the SDK's check: an HMAC of the timestamp and the exact bytes, no older than
 * the tolerance) and returns the event. Anything else is `InvalidWebhook`.
 */
export function verifyWebhook(
  config: Config,
  rawBody: string,
  signature: string | undefined,
  now: Date,
): VerifiedEvent {
  const secret = config.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new PurchasesDisabled("STRIPE_WEBHOOK_SECRET");
  if (!signature) throw new InvalidWebhook("no Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signature,
      secret,
      config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      now.getTime(),
    );
  } catch (error) {
    throw new InvalidWebhook("the signature does not verify (forged, altered or stale)", error);
  }
  const object = (event as { data?: { object?: unknown } }).data?.object;
  if (typeof event.id !== "string" || typeof event.type !== "string" || !isRecord(object)) {
    throw new InvalidWebhook("not a Stripe event");
  }
  return { id: event.id, type: event.type, object };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
