import { describeTable } from "@market/core/db";
import { errorBody } from "../../http/errors";
import type { AppRouteHandler } from "../../http/route-kinds";
import { logger } from "../../logger";
import type * as routes from "./health.routes";

export const health: AppRouteHandler<typeof routes.health> = async (c) => {
  const { db, clock } = c.var.core;
  try {
    const table = await describeTable(db);
    return c.json(
      {
        status: "ok" as const,
        table: { name: db.table, status: table.status },
        time: clock().toISOString(),
      },
      200,
    );
  } catch (error) {
    logger.error("health check failed", { error });
    return c.json(errorBody(503, "UNHEALTHY", "The database does not answer"), 503);
  }
};
