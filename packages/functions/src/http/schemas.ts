import { z } from "@hono/zod-openapi";

/** The error body every failing route answers with (documented once, reused by routes). */
export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: "Insufficient credit balance" }),
    code: z.string().openapi({ example: "INSUFFICIENT_BALANCE" }),
    statusCode: z.number().int().openapi({ example: 402 }),
    details: z.record(z.string(), z.unknown()).openapi({ additionalProperties: true }).optional(),
  })
  .openapi("Error");

export const errorContent = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

/**
 * The 429 of a route with no limit of its own: API Gateway's stage throttling
 * (deployed stages; stacks/Api.ts), whose body is API Gateway's, not `Error`.
 */
export const stageThrottled = {
  description: "Too many requests to the stage (API Gateway throttling, deployed stages only)",
};

/** A required JSON request body validated by `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON response documented with `schema`. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

/** The optional client `Idempotency-Key` of a credit operation (bets, session starts, grants). */
export const idempotencyKeyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(128).optional(),
});
