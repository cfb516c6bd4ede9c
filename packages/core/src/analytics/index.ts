export { recordActivity, rememberActive } from "./activity";
export { type CreditFlow, type CreditFlowWeek, readCreditFlows } from "./credit-flows";
export { type CreditAnalytics, type CreditDay, creditAnalytics } from "./credits";
export { type DailyCounterMove, moveMonthCounters } from "./migrate-daily-counters";
