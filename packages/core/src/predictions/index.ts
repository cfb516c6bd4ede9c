export { type ModelAnalytics, type PredictionAnalytics, predictionAnalytics } from "./analytics";
export * from "./errors";
export {
  type LaunchedSession,
  launchSession,
  type SessionRun,
  type StartSessionWorkflow,
} from "./launch";
export { type CalibrationBucket, type ModelScore, modelScores } from "./model-scores";
export {
  finalizeSession,
  markSessionStep,
  recordModelFailure,
  recordModelSuccess,
  type SessionOutcome,
  startModelRun,
} from "./progress";
export { type PredictionQuota, predictionQuota } from "./quota";
export {
  getOwnSession,
  listRecentSessions,
  loadSession,
  type SessionSummary,
  type SessionView,
  toSessionSummary,
  toSessionView,
} from "./read";
export { type RefundOutcome, refundSession } from "./refund";
export { buildMarketContext, marketProbabilityOf } from "./research";
export { scorePredictions } from "./scoring";
export {
  type SkillScore,
  type SkillVerdict,
  skillScoreOf,
  skillSentence,
  skillVerdicts,
} from "./skill";
export { type StartedSession, type StartSessionInput, startSession } from "./start";
export { sweepStuckSessions } from "./sweep";
