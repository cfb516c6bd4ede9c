import { createRoute, z } from "@hono/zod-openapi";
import { errorContent } from "../../http/schemas";

export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    table: z.object({ name: z.string(), status: z.string() }),
    time: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Health");

// `createRoute` rather than `publicRoute`: http/route-kinds.ts brings the auth guards and
// with them the entity layer, which a health check never touches.
export const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Liveness and table reachability",
  responses: {
    200: {
      description: "The API and its table answer",
      content: { "application/json": { schema: HealthSchema } },
    },
    503: errorContent("The table does not answer"),
  },
});
