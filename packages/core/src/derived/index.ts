/**
 * Numbers derived from the table's change stream: leaderboard stats, rank marks,
 * analytics counters. The local stream reader is `@market/core/derived/local-stream`.
 */
export { type ApplyResult, applyChanges } from "./apply";
export { changeOf, type StreamRecord, type TableChange } from "./changes";
export { type ConsumeResult, type ConsumerContext, consumeRecords } from "./consume";
export { type DerivedChange, derivedChanges, type Effect } from "./effects";
export { type PayoutEmailResult, sendPayoutEmails } from "./payout-emails";
export { type RebuildReport, rebuildAggregates } from "./rebuild";
export { type AggregateReport, compareAggregates, recomputeAggregates } from "./recompute";
