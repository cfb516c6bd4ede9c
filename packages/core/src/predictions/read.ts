import type { CoreContext } from "../context";
import type { PredictionItem } from "../entities/prediction";
import type { PredictionSessionItem } from "../entities/prediction-session";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { SessionNotFound } from "./errors";

/**
 * A session as the API shows it: status, step, every model's state and, once
 * done, forecasts; a refunded session shows none.
 */
export function toSessionView(session: PredictionSessionItem, runs: PredictionItem[]) {
  const ordered = [...runs].sort((a, b) => a.position - b.position);
  const ended = session.status === "finished" || session.status === "error";
  // An ended session never shows a model as still waiting or running: one the
  // workflow never finished (a crash, a timeout, a refund first) did not run.
  const stateOf = (run: PredictionItem) =>
    ended && (run.state === "queued" || run.state === "running") ? "failed" : run.state;
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
      state: stateOf(run),
      attempts: run.attempts,
      error:
        run.error ??
        (stateOf(run) === run.state ? null : "The session ended before this model finished"),
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
        method: run.method ?? null,
        marketProbability: run.marketProbability ?? null,
        latencyMs: run.latencyMs ?? null,
        brierScore: run.brierScore ?? null,
        marketBrierScore: run.marketBrierScore ?? null,
      })),
    createdAt: session.createdAt,
    completedAt: session.completedAt ?? null,
  };
}

export type SessionView = ReturnType<typeof toSessionView>;

/** A session in a list ("my recent sessions"): its state, without per-model details. */
export function toSessionSummary(session: PredictionSessionItem) {
  return {
    sessionId: session.sessionId,
    marketId: session.marketId,
    marketTitle: session.marketTitle,
    status: session.status,
    selectedModels: session.selectedModels,
    charged: session.charged,
    refunded: session.refunded,
    createdAt: session.createdAt,
    completedAt: session.completedAt ?? null,
  };
}

export type SessionSummary = ReturnType<typeof toSessionSummary>;

/**
 * One Query for the session and its model runs (they share the partition, which
 * holds at most `MAX_MODELS_PER_SESSION` + 1 items: one page, whatever `pages` says).
 */
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

export interface RecentSessionsRequest extends PageRequest {
  marketId?: string | undefined;
  /** ISO time; default 24 hours ago. */
  since?: string | undefined;
}

/**
 * The caller's sessions since a time (default the last 24 h), newest first,
 * optionally of one market: one Query on the user's (or the user and market's)
 * index with `createdAt >= since` as its key condition and a `Limit` of the page.
 */
export async function listRecentSessions(
  ctx: CoreContext,
  userId: string,
  request: RecentSessionsRequest,
): Promise<Page<PredictionSessionItem>> {
  const { marketId } = request;
  const since =
    request.since ?? new Date(ctx.clock().getTime() - 24 * 60 * 60 * 1000).toISOString();
  const sessions = serviceFor(ctx.db).entities.predictionSession;
  // A closed range: the user's partition of `byUser` also holds their bets and
  // refresh tokens, whose sort keys an open `>= since` would run into.
  const window = [{ createdAt: since }, { createdAt: "~" }] as const;
  const query = marketId
    ? sessions.query.byUserMarket({ userId, marketId }).between(...window)
    : sessions.query.byUser({ userId }).between(...window);
  return listPage(ctx, request, {
    // The default `since` moves with the clock; a cursor carries on from its key.
    scope: scopeOf("sessions", userId, { marketId, since: request.since }),
    size: pageSizes.sessions,
    query: sourceOf(query, sessions, "desc"),
  });
}
