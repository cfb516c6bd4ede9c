export { type AccessChange, setUserAccess } from "./access";
export { type AuditFilter, type AuditPage, listAudit } from "./audit";
export { type AdminCreditInput, postAdminCredit } from "./credits";
export { findUsers, type UserSearch } from "./users";
