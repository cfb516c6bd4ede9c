import { Entity, type EntityItem } from "electrodb";
import { sides } from "../sides";

export const betStatuses = ["pending", "won", "lost", "cancelled", "cashed_out"] as const;
export type BetStatus = (typeof betStatuses)[number];
export { type Side, sides } from "../sides";

/**
 * A bet at fixed odds. Settlement moves it out of `pending` under a condition on
 * `status = pending`, which is what makes a replayed settlement a no-op.
 */
export const Bet = new Entity({
  model: { entity: "bet", version: "1", service: "market" },
  attributes: {
    betId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true },
    marketId: { type: "string", required: true },
    side: { type: sides, required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    oddsAtBet: { type: "number", required: true, readOnly: true },
    potentialPayout: { type: "number", required: true, readOnly: true },
    actualPayout: { type: "number" },
    status: { type: betStatuses, required: true },
    /** Market title and options at the time of the bet, so lists need no second read. */
    marketTitle: { type: "string", required: true, readOnly: true },
    thisOption: { type: "string", required: true, readOnly: true },
    thatOption: { type: "string", required: true, readOnly: true },
    placedAt: { type: "string", required: true, readOnly: true },
    /** The `bet_placed` ledger entry that paid for it (the user's sequence number); absent on older bets. */
    ledgerSeq: { type: "number", readOnly: true },
    resolvedAt: { type: "string" },
    /** What a cash-out credited (before the balance cap); set with status `cashed_out`. */
    cashoutAmount: { type: "number" },
    /** The quote a cash-out accepted, so a retry of the same request answers with its result. */
    cashoutQuoteId: { type: "string" },
    /** The sequence number of its `bet_cashout` entry (cash-outs since issue 22). */
    cashoutSeq: { type: "number" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["betId"] },
      sk: { field: "sk", composite: [] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["betId"] },
    },
    byUserStatus: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["userId", "status"] },
      sk: { field: "gsi2sk", composite: ["betId"] },
    },
    pendingByMarket: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["marketId", "status"] },
      sk: { field: "gsi3sk", composite: ["betId"] },
    },
  },
});

export type BetItem = EntityItem<typeof Bet>;
