export { type AccessChange, setUserAccess } from "./access";
export { type AuditFilter, type AuditPage, listAudit, toAuditEventView } from "./audit";
export { type AdminCreditInput, postAdminCredit } from "./credits";
export { findUsers, toAdminUserView, type UserSearch } from "./users";
