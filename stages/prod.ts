import { edgeRateLimits, type StageSettings } from "./settings";

/**
 * `prod`: real data. Edit the addresses below before the first deploy
 * (docs/deploy.md); every change here is a commit, not a shell variable.
 */
export const prod: StageSettings = {
  data: "retain",
  logRetentionDays: 365,
  alarmEmail: "ops@example.com",
  // The PRD's peak: 1,000 requests a second sustained, bursts of 5,000.
  apiThrottle: { ratePerSecond: 1_000, burst: 5_000 },
  edge: {
    ...edgeRateLimits,
    // Your domain (docs/deploy.md "Custom domain"), with an ACM certificate in us-east-1:
    // domainName: "credits-market.example.com",
    // certificateArn: "arn:aws:acm:us-east-1:<account>:certificate/<id>",
  },
  app: {
    LOG_LEVEL: "INFO",
    // The site's address (the Web stack's WebUrl output, or your domain): links in emails.
    PUBLIC_URL: "https://credits-market.example.com",
    EMAIL_FROM: "Credits Market <no-reply@example.com>",
    ADMIN_EMAILS: ["admin@example.com"],
    POLYMARKET_GAMMA_URL: "https://gamma-api.polymarket.com",
    // Lists answered from memory for 2 s per process (docs/capacity.md).
    MARKET_LIST_CACHE_SECONDS: 2,
  },
  models: {},
};
