import { z } from "@hono/zod-openapi";
import { perUserOrIp } from "../../http/auth";
import { publicRoute } from "../../http/route-kinds";
import { errorContent, jsonBody } from "../../http/schemas";

/** Where the web app shows the "Predict with AI" button. */
export const uiSurfaces = [
  "market_detail",
  "market_list",
  "search_result",
  "recent_predictions",
] as const;

export const record = publicRoute({
  method: "post",
  path: "/events",
  tags: ["System"],
  summary: "Record an analytics event from the web app (a structured log line and a metric)",
  description:
    "Anonymous or signed in (a sent token must be valid). Limited per user, or per client " +
    "IP when anonymous (`EVENTS_PER_MINUTE`). Nothing is stored in the table.",
  middleware: [perUserOrIp("events")] as const,
  request: {
    body: jsonBody(
      z
        .object({
          name: z.literal("predict_button_click"),
          uiSurface: z.enum(uiSurfaces),
          marketId: z.string().min(1).max(100),
        })
        .strict(),
    ),
  },
  responses: {
    204: { description: "Recorded" },
    400: errorContent("Invalid body"),
    401: errorContent("A token was sent and is not valid"),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});
