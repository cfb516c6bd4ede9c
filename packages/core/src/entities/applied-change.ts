import { Entity, type EntityItem } from "electrodb";

/**
 * "This change's derived numbers are counted": written by the stream consumer
 * in the same transaction as the counters a table change adds to, on condition
 * that it does not exist yet. A record delivered again (DynamoDB Streams and
 * Lambda deliver at least once) finds its marker and adds nothing. `changeId`
 * names the change, not the delivery (`bet#<id>#placed`, `ledger#<user>#<seq>`),
 * so the same change is counted once however it arrives. Kept past the
 * stream's 24 h retention, then expired.
 */
export const AppliedChange = new Entity({
  model: { entity: "appliedChange", version: "1", service: "market" },
  attributes: {
    changeId: { type: "string", required: true, readOnly: true },
    appliedAt: { type: "string", required: true },
    /** Epoch seconds. */
    ttl: { type: "number", required: true },
  },
  indexes: {
    byChange: {
      pk: { field: "pk", composite: ["changeId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type AppliedChangeItem = EntityItem<typeof AppliedChange>;

/**
 * Where the local stream reader (DynamoDB Local's stream, `npm start` and tests)
 * got to in one shard: the last sequence number it applied. In AWS the Lambda
 * event source mapping keeps this itself.
 */
export const StreamCheckpoint = new Entity({
  model: { entity: "streamCheckpoint", version: "1", service: "market" },
  attributes: {
    shardId: { type: "string", required: true, readOnly: true },
    sequenceNumber: { type: "string", required: true },
    /** The shard has no more records after this one. */
    closed: { type: "boolean", default: false },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byShard: {
      pk: { field: "pk", composite: ["shardId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type StreamCheckpointItem = EntityItem<typeof StreamCheckpoint>;
