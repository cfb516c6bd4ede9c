import { createContext } from "@market/core/context";
import { cursorKeysFrom } from "@market/core/paging/cursor";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AppDeps } from "./deps";
import { apiCacheControl } from "./http/cache-control";
import { serveDocsUi } from "./http/docs-ui";
import type { AppEnv } from "./http/env";
import { errorResponse, handleError } from "./http/errors";
import { routeGroupsDocument, serveRouteGroups } from "./http/group-serving";
import { notFoundHandler } from "./http/method-not-allowed";
import { apiSecurityHeaders } from "./http/security-headers";
import { serveWeb } from "./http/web";
import { logger } from "./logger";
import { observeCreditMovements } from "./metrics";
import { routeGroups } from "./routes/groups";

export type { AppDeps };

export const apiBase = "/api/v1";

/** The OpenAPI document's header (its paths come from the route groups). */
const openApiInfo = {
  openapi: "3.0.3",
  info: {
    title: "Credits Market API",
    version: "1.0.0",
    description: "Play-money prediction market with AI forecasts.",
    // The package is private ("private": true) and ships under no open license.
    license: { name: "Proprietary" },
  },
  servers: [{ url: "/" }],
};

/** The HTTP app, the same for Lambda (`hono/aws-lambda`), `npm start` and tests. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  observeCreditMovements();
  const core = {
    ...createContext({
      db: deps.db,
      config: deps.config,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.newId ? { newId: deps.newId } : {}),
      // Cursors are signed with keys derived from the token keyring, the same on every instance.
      cursorKeys: cursorKeysFrom(deps.keys.all.map((key) => key.secret)),
    }),
    keys: deps.keys,
    email: deps.email,
  };
  const app = new Hono<AppEnv>();

  app.use("*", requestId());
  app.use("*", async (c, next) => {
    c.set("core", core);
    c.set("services", deps.services);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith(apiBase)) {
      logger.info("request", {
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        // Who acted, when a token said so: an admin's actions can be traced in the log too.
        userId: c.get("caller")?.userId,
        durationMs: Math.round(performance.now() - started),
      });
    }
  });
  app.use(`${apiBase}/*`, apiSecurityHeaders(`${apiBase}/docs`));
  app.use(`${apiBase}/*`, apiCacheControl(apiBase));
  app.use(
    `${apiBase}/*`,
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => errorResponse(c, 413, "PAYLOAD_TOO_LARGE", "Request body too large"),
    }),
  );

  let document: ReturnType<typeof routeGroupsDocument> | undefined;
  app.get(`${apiBase}/openapi.json`, async (c) => {
    document ??= routeGroupsDocument(apiBase, routeGroups, deps, openApiInfo);
    // A document that failed to build is built again by the next request.
    document.catch(() => {
      document = undefined;
    });
    return c.json(await document);
  });
  serveDocsUi(app, `${apiBase}/docs`, `${apiBase}/openapi.json`);
  // Every other API path: its route group, loaded on its first request (routes/groups.ts).
  serveRouteGroups(app, apiBase, routeGroups, deps);

  if (deps.webDistDir) serveWeb(app, deps.webDistDir);

  app.onError(handleError);
  app.notFound(notFoundHandler(app));
  return app;
}
