import { Entity, type EntityItem } from "electrodb";

/**
 * A user's realised PnL and bet volume in one period (`periodKey`: `all`,
 * `month#2026-12`, `week#2026-W49`, `day#2026-12-02`). Bets and settlements ADD
 * to the current periods' items in their own transactions; the ranking job
 * records which board keys it filed the numbers under (`pnlKey`, `volumeKey`),
 * so it can move the user's board entries when the numbers change.
 */
export const UserStat = new Entity({
  model: { entity: "userStat", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    periodKey: { type: "string", required: true, readOnly: true },
    pnl: { type: "number", default: 0 },
    volume: { type: "number", default: 0 },
    /** Bets placed / settled in the period: membership of the volume / PnL board. */
    placed: { type: "number", default: 0 },
    settled: { type: "number", default: 0 },
    /** The `LeaderboardEntry` sort keys the job last wrote for this item. */
    pnlKey: { type: "string" },
    volumeKey: { type: "string" },
    /** Epoch seconds; period items expire a while after their period ends. */
    ttl: { type: "number" },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["periodKey"] },
    },
  },
});

export type UserStatItem = EntityItem<typeof UserStat>;
