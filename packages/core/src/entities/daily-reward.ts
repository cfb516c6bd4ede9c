import { Entity, type EntityItem } from "electrodb";

/**
 * One claimed daily reward, written in the same transaction as its
 * `daily_reward` ledger entry. A user's rewards share a partition, newest last.
 */
export const DailyReward = new Entity({
  model: { entity: "dailyReward", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    rewardId: { type: "string", required: true, readOnly: true },
    creditsAwarded: { type: "number", required: true, readOnly: true },
    claimedAt: { type: "string", required: true, readOnly: true },
    /** The streak this claim made (1 for a first claim or after a missed day). */
    streak: { type: "number", required: true, readOnly: true },
    /** The sequence number of its `daily_reward` ledger entry (absent on claims before it was kept). */
    ledgerSeq: { type: "number", readOnly: true },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["claimedAt", "rewardId"] },
    },
  },
});

export type DailyRewardItem = EntityItem<typeof DailyReward>;
