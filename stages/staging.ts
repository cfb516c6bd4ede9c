import { edgeRateLimits, type StageSettings } from "./settings";

/**
 * `staging`: prod's shape on throwaway data, to try a release (and its load
 * test) before prod. Live Polymarket markets, alarms to the same team, throttles
 * a tenth of prod's. Edit the addresses before the first deploy (docs/deploy.md).
 */
export const staging: StageSettings = {
  data: "destroy",
  logRetentionDays: 30,
  alarmEmail: "ops@example.com",
  apiThrottle: { ratePerSecond: 100, burst: 500 },
  edge: {
    ...edgeRateLimits,
    // With your domain: domainName: "staging.credits-market.example.com", and
    // certificateArn: "arn:aws:acm:us-east-1:<account>:certificate/<id>".
  },
  app: {
    LOG_LEVEL: "INFO",
    PUBLIC_URL: "https://staging.credits-market.example.com",
    EMAIL_FROM: "Credits Market staging <no-reply@example.com>",
    ADMIN_EMAILS: ["admin@example.com"],
    POLYMARKET_GAMMA_URL: "https://gamma-api.polymarket.com",
    // Lists answered from memory for 2 s per process (docs/capacity.md).
    MARKET_LIST_CACHE_SECONDS: 2,
  },
  models: {},
};
