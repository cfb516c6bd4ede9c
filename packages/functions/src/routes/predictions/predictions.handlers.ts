import { DomainError } from "@market/core";
import {
  getOwnSession,
  listRecentSessions,
  modelScores as readModelScores,
  refundSession,
  startSession,
} from "@market/core/predictions";
import type { AppRouteHandler } from "../../http/routes";
import { logger } from "../../logger";
import type * as routes from "./predictions.routes";

class WorkflowStartFailed extends DomainError {
  constructor(sessionId: string, refunded: boolean) {
    super("WORKFLOW_START_FAILED", "The prediction could not start; your credits were refunded", {
      sessionId,
      refunded,
    });
  }
}

export const listModels: AppRouteHandler<typeof routes.listModels> = async (c) => {
  return c.json({ models: c.var.services.models.list() }, 200);
};

export const modelScores: AppRouteHandler<typeof routes.modelScores> = async (c) => {
  return c.json({ models: await readModelScores(c.var.core, c.var.services.models.list()) }, 200);
};

export const start: AppRouteHandler<typeof routes.start> = async (c) => {
  const { marketId, selectedModels } = c.req.valid("json");
  const { userId } = c.var.caller;
  const started = await startSession(c.var.core, c.var.services.models, {
    userId,
    marketId,
    selectedModels,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  const { sessionId } = started.session;
  if (started.replayed) return c.json({ sessionId, newBalance: started.newBalance }, 200);
  logger.info("session charged", { sessionId, userId, charged: started.session.charged });
  try {
    await c.var.services.sessions.start({
      sessionId,
      userId,
      marketId,
      models: started.session.selectedModels,
    });
  } catch (error) {
    logger.error("session workflow did not start", { sessionId, userId, error });
    const outcome = await refundSession(c.var.core, sessionId, "the workflow could not start");
    throw new WorkflowStartFailed(sessionId, outcome === "refunded");
  }
  return c.json({ sessionId, newBalance: started.newBalance }, 201);
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const view = await getOwnSession(c.var.core, c.var.caller.userId, c.req.valid("param").sessionId);
  return c.json(view, 200);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const sessions = await listRecentSessions(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(
    {
      sessions: sessions.map((session) => ({
        sessionId: session.sessionId,
        marketId: session.marketId,
        marketTitle: session.marketTitle,
        status: session.status,
        selectedModels: session.selectedModels,
        charged: session.charged,
        refunded: session.refunded,
        createdAt: session.createdAt,
        completedAt: session.completedAt ?? null,
      })),
    },
    200,
  );
};
