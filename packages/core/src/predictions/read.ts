import type { CoreContext } from "../context";
import type { PredictionItem } from "../entities/prediction";
import type { PredictionSessionItem } from "../entities/prediction-session";
import { serviceFor } from "../service";
import { SessionNotFound } from "./errors";

/**
 * A session as the API shows it: status, step, every model's state and, once
 * done, forecasts; a refunded session shows none.
 */
export function toSessionView(session: PredictionSessionItem, runs: PredictionItem[]) {
  const ordered = [...runs].sort((a, b) => a.position - b.position);
  return {
    sessionId: session.sessionId,
    marketId: session.marketId,
    marketTitle: session.marketTitle,
    status: session.status,
    step: session.step,
    error: session.error ?? null,
    selectedModels: session.selectedModels,
    charged: session.charged,
    refunded: session.refunded,
    models: ordered.map((run) => ({
      modelId: run.modelId,
      state: run.state,
      attempts: run.attempts,
      error: run.error ?? null,
    })),
    // Refund and hide (docs/product-rules.md): a refunded session charged nothing,
    // so it shows no forecasts, even of the models that completed before it failed.
    predictions: ordered
      .filter(
        (run) => !session.refunded && run.state === "completed" && run.probability !== undefined,
      )
      .map((run) => ({
        modelId: run.modelId,
        probability: run.probability as number,
        outcome: run.outcome ?? (Number(run.probability) >= 0.5 ? "this" : "that"),
        confidence: run.confidence ?? 0,
        reasoning: run.reasoning ?? "",
        keyFactors: run.keyFactors ?? [],
        latencyMs: run.latencyMs ?? null,
        brierScore: run.brierScore ?? null,
      })),
    createdAt: session.createdAt,
    completedAt: session.completedAt ?? null,
  };
}

export type SessionView = ReturnType<typeof toSessionView>;

/** One Query for the session and its model runs (they share the partition). */
export async function loadSession(
  ctx: CoreContext,
  sessionId: string,
): Promise<{ session: PredictionSessionItem; runs: PredictionItem[] } | null> {
  const { data } = await serviceFor(ctx.db)
    .collections.session({ sessionId })
    .go({ consistent: true, pages: "all" });
  const [session] = data.predictionSession;
  return session ? { session, runs: data.prediction } : null;
}

/** The caller's own session; anyone else's is "not found". */
export async function getOwnSession(
  ctx: CoreContext,
  userId: string,
  sessionId: string,
): Promise<SessionView> {
  const loaded = await loadSession(ctx, sessionId);
  if (!loaded || loaded.session.userId !== userId) throw new SessionNotFound(sessionId);
  return toSessionView(loaded.session, loaded.runs);
}

/** The caller's sessions since a time (default the last 24 h), newest first, optionally for one market. */
export async function listRecentSessions(
  ctx: CoreContext,
  userId: string,
  options: { marketId?: string | undefined; since?: string | undefined; limit?: number },
): Promise<PredictionSessionItem[]> {
  const since =
    options.since ?? new Date(ctx.clock().getTime() - 24 * 60 * 60 * 1000).toISOString();
  const { data } = await serviceFor(ctx.db)
    .entities.predictionSession.query.byUser({ userId })
    .gte({ createdAt: since })
    .where((item, { eq }) => (options.marketId ? eq(item.marketId, options.marketId) : ""))
    .go({ order: "desc", count: options.limit ?? 20, pages: "all" });
  return data;
}
