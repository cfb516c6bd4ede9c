export { type AccessChange, setUserAccess } from "./access";
export { type AuditFilter, type AuditPage, listAudit, maxAuditLimit } from "./audit";
export { type AdminCreditInput, postAdminCredit } from "./credits";
export { findUsers, maxUserSearchLimit, type UserSearch } from "./users";
