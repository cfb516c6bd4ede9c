/**
 * A cold-start floor for `npm run bench:bundles`: the smallest API on the
 * libraries this product is built with: one `@hono/zod-openapi` route (zod
 * schema, Web `Request`/`Response`) behind `hono/aws-lambda`, answering what
 * `GET /api/v1/health` answers from one DescribeTable. No configuration,
 * logging, metrics, auth, middleware or lazy route groups: what the stack
 * itself costs a cold start before any of the product's code.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describeTable } from "@market/core/db";
import { handle } from "hono/aws-lambda";
import { db } from "./table-client";

z.config({ jitless: true });

const health = createRoute({
  method: "get",
  path: "/api/v1/health",
  responses: {
    200: {
      description: "The table answers",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), table: z.string() }),
        },
      },
    },
  },
});

const app = new OpenAPIHono().openapi(health, async (c) => {
  const table = await describeTable(db);
  return c.json({ status: "ok" as const, table: table.status }, 200);
});

export const handler = handle(app);
