import { Entity, type EntityItem } from "electrodb";

/**
 * A job's run lease: at most one run of a job at a time across every Lambda
 * and process. Taken with a conditional put (free, or expired), released by
 * its holder; a crashed holder's lease simply expires.
 */
export const JobLease = new Entity({
  model: { entity: "jobLease", version: "1", service: "market" },
  attributes: {
    job: { type: "string", required: true, readOnly: true },
    holder: { type: "string", required: true },
    /** Epoch milliseconds. */
    expiresAt: { type: "number", required: true },
    /** Epoch seconds, for DynamoDB's TTL. */
    ttl: { type: "number" },
  },
  indexes: {
    byJob: {
      pk: { field: "pk", composite: ["job"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type JobLeaseItem = EntityItem<typeof JobLease>;
