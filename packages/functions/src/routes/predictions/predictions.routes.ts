import { z } from "@hono/zod-openapi";
import { modelRunStates, sessionStatuses, sides } from "@market/core/entities";
import { pageSizes } from "@market/core/limits";
import { skillVerdicts } from "@market/core/predictions";
import { modelProviders } from "@market/core/predictions/models";
import { perIp } from "../../http/limits";
import { pagedQuery, pageSchemaWithoutTotal } from "../../http/pages";
import { authedRoute, moneyRoute, publicRoute } from "../../http/route-kinds";
import {
  errorContent,
  idempotencyKeyHeaders,
  jsonBody,
  jsonResponse,
  stageThrottled,
} from "../../http/schemas";

export const ModelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.enum(modelProviders),
    creditCost: z.number(),
    available: z.boolean(),
    description: z.string(),
  })
  .openapi("PredictionModel");

export const SessionSchema = z
  .object({
    sessionId: z.string(),
    marketId: z.string(),
    marketTitle: z.string(),
    status: z.enum(sessionStatuses),
    step: z.string(),
    error: z.string().nullable(),
    selectedModels: z.array(z.string()),
    charged: z.number(),
    refunded: z.boolean(),
    models: z.array(
      z.object({
        modelId: z.string(),
        state: z.enum(modelRunStates),
        attempts: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
    predictions: z.array(
      z.object({
        modelId: z.string(),
        probability: z.number(),
        outcome: z.enum(sides),
        confidence: z.number(),
        reasoning: z.string().openapi({
          description: "Why, in plain language a newcomer understands (the options by name)",
        }),
        keyFactors: z.array(z.string()),
        method: z.string().nullable().openapi({
          description:
            'How the model works, technical terms allowed: for a "How this model works" disclosure. null when the model gave none',
        }),
        marketProbability: z.number().min(0).max(1).nullable().openapi({
          description:
            "The market's own probability of its first option when the model was asked (mirrored odds, normalised); null on older forecasts",
        }),
        latencyMs: z.number().nullable(),
        brierScore: z.number().nullable(),
        marketBrierScore: z.number().nullable().openapi({
          description:
            "The market's Brier score on the same outcome, once resolved (null before, or without marketProbability)",
        }),
      }),
    ),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi("PredictionSession");

export const listModels = publicRoute({
  method: "get",
  path: "/predictions/models",
  operationId: "listModels",
  tags: ["Predict with AI"],
  summary: "The models a session can use, with their credit cost",
  responses: {
    200: {
      description: "Models",
      content: { "application/json": { schema: z.object({ models: z.array(ModelSchema) }) } },
    },
    429: stageThrottled,
  },
});

const skillFields = {
  forecasts: z.number().int().openapi({
    description:
      "Scored forecasts that kept the market's probability at the time (the sample size)",
  }),
  brierScore: z
    .number()
    .nullable()
    .openapi({ description: "The model's mean Brier score on them" }),
  marketBrierScore: z.number().nullable().openapi({
    description: "The market's mean Brier score on the same forecasts (its mirrored odds then)",
  }),
  skillScore: z.number().nullable().openapi({
    description: "Brier skill score 1 − model/market: above 0 beats the market, below 0 trails it",
  }),
  interval: z
    .object({ lower: z.number(), upper: z.number() })
    .nullable()
    .openapi({ description: "95% interval of the skill score; null under 2 forecasts" }),
  verdict: z.enum(skillVerdicts).openapi({
    description:
      "better / worse: the interval excludes 0 with at least SKILL_MIN_FORECASTS forecasts; level: it does not; too_few: not enough yet",
  }),
  summary: z.string().openapi({
    description:
      'The verdict as a sentence ("Odds momentum has done worse than the market on 40 forecasts on resolved markets.")',
  }),
};

export const ModelSkillSchema = z
  .object({
    ...skillFields,
    byCategory: z.array(
      z.object({ ...skillFields, categoryKey: z.string(), category: z.string() }),
    ),
  })
  .openapi("ModelSkill");

export const ModelScoreSchema = z
  .object({
    modelId: z.string(),
    name: z.string(),
    runs: z.number().int().openapi({ description: "Model runs that ended (succeeded or failed)" }),
    successRate: z.number().min(0).max(1).nullable(),
    forecasts: z.number().int().openapi({
      description: "Forecasts scored on resolved markets (invalid results score none)",
    }),
    brierScore: z.number().nullable().openapi({
      description: "Mean Brier score (p − y)² of those: 0 is perfect, 0.25 a coin toss",
    }),
    calibration: z
      .array(
        z.object({
          lower: z.number(),
          upper: z.number(),
          forecasts: z.number().int(),
          meanPredicted: z.number().nullable(),
          observedFrequency: z.number().nullable(),
        }),
      )
      .openapi({
        description:
          "10 buckets of the probability given to the market's first option: [0, 0.1) … [0.9, 1.0]; " +
          "observedFrequency is the share of the bucket's forecasts whose market resolved that way",
      }),
    skill: ModelSkillSchema,
  })
  .openapi("ModelScore");

export const modelScores = publicRoute({
  method: "get",
  path: "/predictions/models/scores",
  operationId: "listModelScores",
  tags: ["Predict with AI"],
  summary:
    "Each model's record on resolved markets: Brier score, success rate, calibration, skill against the market",
  middleware: [perIp("anonymousReads")] as const,
  responses: {
    200: {
      description: "Model scores",
      content: {
        "application/json": { schema: z.object({ models: z.array(ModelScoreSchema) }) },
      },
    },
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});

export const start = moneyRoute({
  method: "post",
  path: "/predictions/sessions",
  operationId: "startPredictionSession",
  tags: ["Predict with AI"],
  summary: "Start a session: charge the credits and run the selected models",
  description:
    "Costs the sum of the models' credit costs (nothing on the unlimited plan). If the " +
    "session fails in any way, the credits come back once. `Idempotency-Key` makes a " +
    "retried start return the first session.",
  request: {
    headers: idempotencyKeyHeaders,
    body: jsonBody(
      z
        .object({
          marketId: z.string().min(1).max(100),
          // The configured maximum (MAX_MODELS_PER_SESSION) is core's check; this bounds the payload.
          selectedModels: z.array(z.string().min(1).max(100)).min(1).max(100),
        })
        .strict(),
    ),
  },
  responses: {
    201: {
      description: "Started",
      content: {
        "application/json": {
          schema: z.object({ sessionId: z.string(), newBalance: z.number() }),
        },
      },
    },
    200: {
      description: "A retry with the same Idempotency-Key: the first session",
      content: {
        "application/json": { schema: z.object({ sessionId: z.string(), newBalance: z.number() }) },
      },
    },
    400: errorContent(
      "Invalid body, or INVALID_MODEL_SELECTION (unknown, unavailable, duplicate, > 5)",
    ),
    402: errorContent("INSUFFICIENT_BALANCE: nothing was charged"),
    404: errorContent("MARKET_NOT_FOUND"),
    409: errorContent("MARKET_CLOSED"),
    429: errorContent("RATE_LIMIT_EXCEEDED (sessions per hour / per day): nothing was charged"),
    503: errorContent("WORKFLOW_START_FAILED: the credits were refunded at once"),
  },
});

export const getOne = authedRoute({
  method: "get",
  path: "/predictions/sessions/{sessionId}",
  operationId: "getPredictionSession",
  tags: ["Predict with AI"],
  summary: "A session's progress and, when done, its predictions (poll this)",
  request: { params: z.object({ sessionId: z.string().min(1).max(100) }) },
  responses: {
    200: { description: "The session", content: { "application/json": { schema: SessionSchema } } },
    404: errorContent("SESSION_NOT_FOUND (also for someone else's session)"),
  },
});

export const list = authedRoute({
  method: "get",
  path: "/predictions/sessions",
  operationId: "listPredictionSessions",
  tags: ["Predict with AI"],
  summary: "My recent sessions (last 24 h by default), for “View last run” and “Predict again”",
  request: {
    query: pagedQuery(
      {
        marketId: z.string().min(1).max(100).optional(),
        since: z.iso.datetime({ offset: true }).optional(),
      },
      pageSizes.sessions,
    ),
  },
  responses: {
    200: jsonResponse(
      "Sessions, newest first (without per-model details); no `total` (a time window)",
      pageSchemaWithoutTotal(
        "sessions",
        SessionSchema.pick({
          sessionId: true,
          marketId: true,
          marketTitle: true,
          status: true,
          selectedModels: true,
          charged: true,
          refunded: true,
          createdAt: true,
          completedAt: true,
        }),
      ),
    ),
    400: errorContent("Invalid query (limit, offset beyond the bound, cursor)"),
  },
});
