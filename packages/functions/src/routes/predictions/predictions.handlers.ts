import {
  getOwnSession,
  launchSession,
  listRecentSessions,
  modelScores as readModelScores,
  toSessionSummary,
} from "@market/core/predictions";
import { pageBody } from "../../http/pages";
import type { AppRouteHandler } from "../../http/route-kinds";
import { logger } from "../../logger";
import type * as routes from "./predictions.routes";

export const listModels: AppRouteHandler<typeof routes.listModels> = async (c) => {
  return c.json({ models: c.var.services.models.list() }, 200);
};

export const modelScores: AppRouteHandler<typeof routes.modelScores> = async (c) => {
  return c.json({ models: await readModelScores(c.var.core, c.var.services.models.list()) }, 200);
};

export const start: AppRouteHandler<typeof routes.start> = async (c) => {
  const { marketId, selectedModels } = c.req.valid("json");
  const { userId, checkOnRead } = c.var.caller;
  const { sessions, models } = c.var.services;
  const launched = await launchSession(
    c.var.core,
    models,
    {
      userId,
      marketId,
      selectedModels,
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      checkCaller: checkOnRead,
    },
    (run) => sessions.start(run),
  );
  const body = { sessionId: launched.sessionId, newBalance: launched.newBalance };
  if (launched.replayed) return c.json(body, 200);
  logger.info("session charged", {
    sessionId: launched.sessionId,
    userId,
    charged: launched.charged,
  });
  return c.json(body, 201);
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const view = await getOwnSession(c.var.core, c.var.caller.userId, c.req.valid("param").sessionId);
  return c.json(view, 200);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const page = await listRecentSessions(c.var.core, c.var.caller.userId, c.req.valid("query"));
  const { total: _none, ...body } = pageBody("sessions", page, toSessionSummary);
  return c.json(body, 200);
};
