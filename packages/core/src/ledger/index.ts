export {
  type MigrationOptions,
  type MigrationProgress,
  type MigrationReport,
  migrateCredits,
} from "./migrate";
export { onLedgerPosting } from "./observers";
export { AccountExists, type OpenAccountInput, openAccount } from "./open-account";
export { consume, grant, type MovementInput, postAdminMovement, refund } from "./operations";
export {
  ExtraWriteRejected,
  type LedgerPosting,
  type PostEntryInput,
  postLedgerEntry,
} from "./post";
export {
  getBalance,
  type HistoryOptions,
  type HistoryPage,
  history,
  type TransactionType,
  transactionTypes,
} from "./read";
export { type Reconciliation, reconcile } from "./reconcile";
export {
  checkUser,
  type ReconcileDifference,
  type ReconcileOptions,
  type ReconcileReport,
  reconcileAll,
} from "./reconcile-all";
