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
export { findUsers, toAdminUserView, type UserSearch } from "./users";
