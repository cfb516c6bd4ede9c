import type { CallerCheck } from "../accounts/token-state";
import { cancellationReasons, TransactionCancelled, writeRetryingConflicts } from "../conditions";
import type { CoreContext } from "../context";
import type { PredictionItem } from "../entities/prediction";
import type { PredictionSessionItem } from "../entities/prediction-session";
import type { UserItem } from "../entities/user";
import { IdempotencyKeyReused, UserNotFound } from "../errors";
import { ExtraWriteRejected } from "../ledger/errors";
import { type ExtraWrites, namedItems, rejectedWrite } from "../ledger/extra-writes";
import { postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { MarketClosed, MarketNotFound } from "../markets/errors";
import { readPurchase } from "../markets/purchase-read";
import { rateLimitExceeded, rateLimitTransactionItem } from "../rate-limit";
import { serviceFor, type TransactionEntities } from "../service";
import { InvalidModelSelection, SessionNotFound } from "./errors";
import type { ModelRegistry } from "./models";
import { sessionLimitSubject } from "./quota";

export interface StartSessionInput {
  userId: string;
  marketId: string;
  selectedModels: string[];
  /** The client's `Idempotency-Key`: a retried start returns the first session. */
  idempotencyKey?: string | undefined;
  /** Judges the caller by the user this read returns, before anything is written. */
  checkCaller?: CallerCheck | undefined;
}

export interface StartedSession {
  session: PredictionSessionItem;
  newBalance: number;
  replayed: boolean;
}

/**
 * Opens a session in one transaction: the `prediction_charge` (none on the
 * `unlimited` plan), the session with every model queued, and the user's
 * hourly and daily session windows. Any refusal (balance, rate limit) leaves
 * nothing written. Starting the workflow is the caller's next step.
 */
export async function startSession(
  ctx: CoreContext,
  registry: ModelRegistry,
  input: StartSessionInput,
): Promise<StartedSession> {
  const models = validateSelection(
    registry,
    input.selectedModels,
    limitsOf(ctx.config).maxModelsPerSession,
  );
  const ledgerKey = input.idempotencyKey
    ? `prediction_session#${input.userId}#${input.idempotencyKey}`
    : undefined;
  const { user, market, replayOf } = await readPurchase(ctx, {
    userId: input.userId,
    marketId: input.marketId,
    ledgerKey,
  });
  input.checkCaller?.(user);
  if (!user) throw new UserNotFound(input.userId);
  if (replayOf) return replay(ctx, replayOf.seq, user, input);
  if (!market) throw new MarketNotFound(input.marketId);
  const now = ctx.clock();
  if (market.status !== "open" || Date.parse(market.expiresAt) <= now.getTime()) {
    throw new MarketClosed(
      market.marketId,
      `the market is ${market.status === "open" ? "expired" : market.status}`,
    );
  }

  const cost = models.reduce((sum, model) => sum + model.creditCost, 0);
  const charged = user.plan === "unlimited" ? 0 : cost;
  const sessionId = ctx.newId();
  const createdAt = now.toISOString();
  const session: PredictionSessionItem = {
    sessionId,
    userId: user.userId,
    marketId: market.marketId,
    marketTitle: market.title,
    selectedModels: models.map((model) => model.id),
    charged,
    status: "initializing",
    step: "Queued",
    refunded: false,
    createdAt,
    updatedAt: createdAt,
  };
  const predictions: PredictionItem[] = models.map((model, position) => ({
    sessionId,
    modelId: model.id,
    position,
    userId: user.userId,
    marketId: market.marketId,
    state: "queued",
    attempts: 0,
  }));
  const { predictionSessionsPerHour, predictionSessionsPerDay } = limitsOf(ctx.config).rateLimits;
  const rules = [predictionSessionsPerHour, predictionSessionsPerDay];
  const writes = (entities: TransactionEntities): ExtraWrites => ({
    session: entities.predictionSession.create(session).commit(),
    predictions: predictions.map((prediction) => entities.prediction.create(prediction).commit()),
    // Each window under its rule's name, so a full one names the limit it hit.
    ...Object.fromEntries(
      rules.map((rule) => [
        rule.name,
        rateLimitTransactionItem(entities, ctx, rule, sessionLimitSubject(user.userId)),
      ]),
    ),
    stat: entities.predictionStat
      .update({ scope: `day#${createdAt.slice(0, 10)}`, key: user.userId })
      .add({ sessions: 1 })
      .commit(),
  });
  const limitHit = (write: string | undefined) => {
    const rule = rules.find((candidate) => candidate.name === write);
    return rule ? rateLimitExceeded(ctx, rule) : undefined;
  };

  if (charged === 0) {
    let extras = namedItems(undefined);
    const result = await writeRetryingConflicts(() =>
      serviceFor(ctx.db)
        .transaction.write((entities) => {
          extras = namedItems(writes(entities));
          return extras.items;
        })
        .go(),
    );
    if (result.canceled) {
      const reasons = cancellationReasons(result);
      throw (
        limitHit(rejectedWrite(extras, reasons, 0)) ??
        new TransactionCancelled("Session start", reasons)
      );
    }
    return { session, newBalance: user.balance, replayed: false };
  }
  try {
    const posting = await postLedgerEntry(ctx, {
      userId: user.userId,
      amount: -charged,
      type: "prediction_charge",
      reason: `Predict with AI: ${models.length} model${models.length === 1 ? "" : "s"} on "${market.title}"`,
      referenceId: sessionId,
      marketId: market.marketId,
      idempotencyKey: ledgerKey ?? `prediction_charge#${sessionId}`,
      knownUser: user,
      alsoWrite: writes,
    });
    if (posting.replayed) return replay(ctx, posting.seq, user, input);
    return { session, newBalance: posting.balanceAfter, replayed: false };
  } catch (error) {
    if (error instanceof ExtraWriteRejected) {
      const limit = limitHit(error.write);
      if (limit) throw limit;
    }
    throw error;
  }
}

function validateSelection(registry: ModelRegistry, selected: string[], maxModels: number) {
  if (!Array.isArray(selected) || selected.length === 0 || selected.length > maxModels) {
    throw new InvalidModelSelection(`Select 1 to ${maxModels} models`, {
      selectedModels: selected,
    });
  }
  const duplicates = selected.filter((id, index) => selected.indexOf(id) !== index);
  if (duplicates.length > 0) {
    throw new InvalidModelSelection("Each model can be selected once", { duplicates });
  }
  return selected.map((id) => {
    const model = registry.get(id);
    if (!model) throw new InvalidModelSelection(`Unknown model: ${id}`, { model: id });
    if (!model.available)
      throw new InvalidModelSelection(`Model not available: ${id}`, { model: id });
    return model;
  });
}

/** The first session started with this key; the same key for another request is refused, as for bets. */
async function replay(
  ctx: CoreContext,
  seq: number,
  user: UserItem,
  input: StartSessionInput,
): Promise<StartedSession> {
  const service = serviceFor(ctx.db);
  const { data: entry } = await service.entities.ledgerEntry
    .get({ userId: user.userId, seq })
    .go({ consistent: true });
  const sessionId = entry?.referenceId;
  const { data: session } = sessionId
    ? await service.entities.predictionSession.get({ sessionId }).go({ consistent: true })
    : { data: null };
  if (!session || !entry) throw new SessionNotFound(sessionId ?? "unknown");
  const sameModels =
    session.selectedModels.length === input.selectedModels.length &&
    session.selectedModels.every((id, index) => id === input.selectedModels[index]);
  if (session.marketId !== input.marketId || !sameModels) {
    throw new IdempotencyKeyReused(input.idempotencyKey ?? "");
  }
  return { session, newBalance: entry.balanceAfter, replayed: true };
}
