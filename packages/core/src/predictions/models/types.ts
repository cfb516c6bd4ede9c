import { z } from "zod";
import { sides } from "../../sides";

/**
 * Everything a model sees about a market: built once per session by the research
 * step, then handed to each selected model. Plain JSON, so it can travel through
 * the workflow's state between tasks, where this schema validates it.
 */
export const marketContextSchema = z.object({
  market: z.object({
    id: z.string().min(1),
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    thisOption: z.string(),
    thatOption: z.string(),
    thisOdds: z.number().nullable(),
    thatOdds: z.number().nullable(),
    volume: z.number(),
    volume24h: z.number(),
    liquidity: z.number(),
    expiresAt: z.string().nullable(),
  }),
  /** Oldest first. */
  oddsHistory: z.array(z.object({ at: z.string(), thisOdds: z.number(), thatOdds: z.number() })),
  /** Resolved markets of the same category: how many, and how many resolved "this". null when unknown. */
  categoryBaseRate: z
    .object({ resolved: z.number().int().nonnegative(), thisWins: z.number().int().nonnegative() })
    .nullable(),
  researchedAt: z.string(),
});

export type MarketContext = z.infer<typeof marketContextSchema>;

/**
 * What every model must return, local or remote. `probability` is for the
 * market's "this" option; `outcome` is the side it favours, so it must agree
 * with the probability (ties go to "this").
 */
export const predictionSchema = z
  .object({
    probability: z.number().min(0).max(1).describe('Probability (0 to 1) that "this" happens'),
    outcome: z.enum(sides).describe('"this" when probability >= 0.5, else "that"'),
    confidence: z.number().min(0).max(1).describe("How sure you are of the probability (0 to 1)"),
    reasoning: z
      .string()
      .min(1)
      .max(4000)
      .describe("Why, in a few short paragraphs of plain language a newcomer understands"),
    keyFactors: z
      .array(z.string().min(1).max(300))
      .min(1)
      .max(8)
      .describe("The few facts that drove the forecast, one short sentence each"),
    method: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .describe("Optional: how the model works, technical terms allowed (shown on request)"),
  })
  .refine((prediction) => prediction.probability >= 0.5 === (prediction.outcome === "this"), {
    message: 'outcome must be "this" when probability >= 0.5 and "that" otherwise',
    path: ["outcome"],
  });

export type Prediction = z.infer<typeof predictionSchema>;

export const modelProviders = ["local", "openai-compatible", "bedrock"] as const;
export type ModelProvider = (typeof modelProviders)[number];

/** What the product shows about a model; safe to return from the API. */
export interface ModelInfo {
  id: string;
  name: string;
  provider: ModelProvider;
  /** Credits one run of this model costs. */
  creditCost: number;
  /** False when the model is disabled or its provider lacks a key: listed, not selectable. */
  available: boolean;
  description: string;
}

export interface PredictOptions {
  signal?: AbortSignal | undefined;
  /**
   * 1-based attempt number for this model in this session, from a persistent
   * counter: retries may run in another process, so the model cannot count them.
   * Only fault injection reads it.
   */
  attempt?: number | undefined;
}

export interface PredictionModel extends ModelInfo {
  /**
   * Forecasts the market. Throws `TransientModelError` when a retry may succeed
   * and `ModelFailed` when it will not.
   */
  predict(context: MarketContext, options: PredictOptions): Promise<Prediction>;
}

/**
 * Worth retrying (429, 5xx, network, timeout): the workflow's Retry handles it.
 * The `name` is what Step Functions matches in `ErrorEquals`, so it never changes.
 */
export class TransientModelError extends Error {
  override name = "TransientModelError";
}

/**
 * Not worth retrying with the same input (4xx other than 429, output that never
 * validates, no key, no odds to work from). The `name` is matched by Step Functions.
 */
export class ModelFailed extends Error {
  override name = "ModelFailed";
}
