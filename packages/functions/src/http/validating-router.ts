import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { errorResponse, fieldErrors } from "./errors";

/**
 * A router whose request validation failures become the API's 400 error body,
 * naming every failing field.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const target = result.target === "json" ? "body" : result.target;
        return errorResponse(c, 400, "VALIDATION_ERROR", "Invalid request", {
          fields: fieldErrors(result.error, target),
        });
      }
    },
  });
}
