import { claimIntervalMs } from "@market/core/rewards";
import { createRouter } from "../../http/validating-router";
import { getPublicConfigRoute } from "./config.routes";

/** Public settings, read from the one config module, so clients never hard-code them. */
export const configRouter = createRouter().openapi(getPublicConfigRoute, (c) => {
  const config = c.var.core.config;
  return c.json(
    {
      signupBonus: config.SIGNUP_BONUS,
      dailyReward: config.DAILY_REWARD,
      dailyRewardIntervalMs: claimIntervalMs,
      minBet: config.MIN_BET,
      maxBet: config.MAX_BET,
      modelCreditCost: config.MODEL_CREDIT_COST,
      lowCreditWarning: config.LOW_CREDIT_WARNING,
      balanceCap: config.BALANCE_CAP,
      maxModelsPerSession: config.MAX_MODELS_PER_SESSION,
      sessionPollMs: Math.round(config.SESSION_POLL_SECONDS * 1000),
      lowCreditNotice: config.LOW_CREDIT_NOTICE,
      notificationPollMs: Math.round(config.NOTIFICATION_POLL_SECONDS * 1000),
    },
    200,
  );
});
