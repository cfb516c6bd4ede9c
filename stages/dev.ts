import { edgeRateLimits, type StageSettings } from "./settings";

/**
 * `dev` (and any personal stage, such as the one `npx sst dev` makes): disposable.
 * Markets come from the bundled demo data; only the built-in models.
 */
export const dev: StageSettings = {
  data: "destroy",
  logRetentionDays: 30,
  apiThrottle: { ratePerSecond: 20, burst: 40 },
  edge: { ...edgeRateLimits },
  app: {
    LOG_LEVEL: "INFO",
  },
  models: {},
};
