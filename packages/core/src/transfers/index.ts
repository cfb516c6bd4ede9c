export * from "./errors";
export { type SendCreditsInput, type SentCredits, sendCredits } from "./send";
