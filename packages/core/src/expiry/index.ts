export { type ExpiryReport, expireInactiveBalances } from "./expire";
