export { type AccessChange, setUserAccess } from "./access";
export {
  type AdminAction,
  type AuditFilter,
  type AuditPage,
  listAudit,
  recordAdminAction,
  toAuditEventView,
} from "./audit";
export { type AdminCreditInput, postAdminCredit } from "./credits";
export { migrateUserSearchKeys, type SearchKeyMigration } from "./migrate-search-keys";
export { findUsers, toAdminUserView, type UserSearch } from "./users";
