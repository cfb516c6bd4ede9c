import type { Config } from "../config";
import type { RateLimitRule } from "../rate-limit";

/** Prediction sessions per user (seed 000: 10 an hour, 50 a day; configurable). */
export function sessionRateRules(config: Config): RateLimitRule[] {
  return [
    {
      name: "prediction-sessions-hour",
      limit: config.PREDICTION_SESSIONS_PER_HOUR,
      windowSeconds: 3600,
    },
    {
      name: "prediction-sessions-day",
      limit: config.PREDICTION_SESSIONS_PER_DAY,
      windowSeconds: 86_400,
    },
  ];
}

export const maxModelsPerSession = 5;
