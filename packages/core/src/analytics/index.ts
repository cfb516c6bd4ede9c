export { recordActivity } from "./activity";
export { type CreditAnalytics, type CreditDay, creditAnalytics } from "./credits";
