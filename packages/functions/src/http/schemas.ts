import { z } from "@hono/zod-openapi";

/** The error body every failing route answers with (documented once, reused by routes). */
export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: "Insufficient credit balance" }),
    code: z.string().openapi({ example: "INSUFFICIENT_BALANCE" }),
    statusCode: z.number().int().openapi({ example: 402 }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("Error");

export const errorContent = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});
