import { OpenAPIHono } from "@hono/zod-openapi";
import { type Config, type CoreContext, createContext, type Db } from "@market/core";
import type { SigningKeys } from "@market/core/auth/signing-keys";
import { type EmailSender, OutboxEmailSender } from "@market/core/email";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { serveDocsUi } from "./http/docs-ui";
import type { AppEnv } from "./http/env";
import { errorResponse, handleError } from "./http/errors";
import { notFoundHandler } from "./http/method-not-allowed";
import { apiSecurityHeaders } from "./http/security-headers";
import { serveWeb } from "./http/web";
import { logger } from "./logger";
import { observeCreditMovements } from "./metrics";
import { adminRouter } from "./routes/admin/admin.index";
import { authRouter } from "./routes/auth/auth.index";
import { betsRouter } from "./routes/bets/bets.index";
import { configRouter } from "./routes/config/config.index";
import { devRouter } from "./routes/dev/dev.index";
import { eventsRouter } from "./routes/events/events.index";
import { healthRouter } from "./routes/health/health.index";
import { leaderboardRouter } from "./routes/leaderboard/leaderboard.index";
import { marketsRouter } from "./routes/markets/markets.index";
import { predictionQuotaRouter } from "./routes/prediction-quota/prediction-quota.index";
import { predictionsRouter } from "./routes/predictions/predictions.index";
import { rewardsRouter } from "./routes/rewards/rewards.index";
import { transactionsRouter } from "./routes/transactions/transactions.index";
import { usersRouter } from "./routes/users/users.index";
import type { AppServices } from "./services";

export interface AppDeps {
  db: Db;
  config: Config;
  /** Access-token keyring (see `loadAppDeps`). */
  keys: SigningKeys;
  /** Where emails go; an outbox also gets the admin-only dev listing route. */
  email: EmailSender;
  /** Workflows and Polymarket (see `loadAppDeps`). */
  services: AppServices;
  /** Serve the built SPA from here (local runs); unset behind API Gateway. */
  webDistDir?: string | undefined;
  clock?: CoreContext["clock"];
  newId?: CoreContext["newId"];
}

export const apiBase = "/api/v1";

/** The HTTP app, the same for Lambda (`hono/aws-lambda`), `npm start` and tests. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  observeCreditMovements();
  const core = {
    ...createContext({
      db: deps.db,
      config: deps.config,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.newId ? { newId: deps.newId } : {}),
    }),
    keys: deps.keys,
    email: deps.email,
  };
  const app = new OpenAPIHono<AppEnv>();

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
        durationMs: Math.round(performance.now() - started),
      });
    }
  });
  app.use(`${apiBase}/*`, apiSecurityHeaders(`${apiBase}/docs`));
  app.use(
    `${apiBase}/*`,
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => errorResponse(c, 413, "PAYLOAD_TOO_LARGE", "Request body too large"),
    }),
  );

  app.route(apiBase, healthRouter);
  app.route(apiBase, configRouter);
  app.route(apiBase, authRouter);
  app.route(apiBase, usersRouter);
  app.route(apiBase, transactionsRouter);
  app.route(apiBase, marketsRouter);
  app.route(apiBase, betsRouter);
  app.route(apiBase, predictionQuotaRouter);
  app.route(apiBase, predictionsRouter);
  app.route(apiBase, rewardsRouter);
  app.route(apiBase, leaderboardRouter);
  app.route(apiBase, eventsRouter);
  app.route(apiBase, adminRouter);
  if (deps.email instanceof OutboxEmailSender) app.route(apiBase, devRouter(deps.email));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc(`${apiBase}/openapi.json`, {
    openapi: "3.0.3",
    info: {
      title: "Credits Market API",
      version: "1.0.0",
      description: "Play-money prediction market with AI forecasts.",
    },
    servers: [{ url: "/" }],
  });
  serveDocsUi(app, `${apiBase}/docs`, `${apiBase}/openapi.json`);

  if (deps.webDistDir) serveWeb(app, deps.webDistDir);

  app.onError(handleError);
  app.notFound(notFoundHandler(app));
  return app;
}
