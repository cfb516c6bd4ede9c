import { Entity, type EntityItem } from "electrodb";

/**
 * A fixed-window request counter: one item per (limit, subject, window start),
 * removed by DynamoDB's TTL once the window is over.
 */
export const RateLimitWindow = new Entity({
  model: { entity: "rateLimitWindow", version: "1", service: "market" },
  attributes: {
    /** Which limit, e.g. `login`, `register`, `bets`. */
    limit: { type: "string", required: true, readOnly: true },
    /** Who is counted, e.g. `ip:203.0.113.7` or `user:01J...`. */
    subject: { type: "string", required: true, readOnly: true },
    /** Window start, epoch seconds. */
    windowStart: { type: "number", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    /** Epoch seconds after which DynamoDB may delete the item. */
    ttl: { type: "number", required: true },
  },
  indexes: {
    byWindow: {
      pk: { field: "pk", composite: ["limit", "subject"] },
      sk: { field: "sk", composite: ["windowStart"] },
    },
  },
});

export type RateLimitWindowItem = EntityItem<typeof RateLimitWindow>;
