export * from "./errors";
export {
  type MigrationOptions,
  type MigrationProgress,
  type MigrationReport,
  migrateCredits,
} from "./migrate";
export { onLedgerPosting } from "./observers";
export { type OpenAccountInput, openAccount } from "./open-account";
export { consume, grant, type MovementInput, postAdminMovement, refund } from "./operations";
export {
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
export {
  type ReferenceType,
  referenceTypes,
  type TransactionView,
  toTransactionsPage,
  toTransactionView,
} from "./view";
