import type { CallerCheck } from "../accounts/token-state";
import {
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import type { PredictionItem } from "../entities/prediction";
import type { PredictionSessionItem } from "../entities/prediction-session";
import type { UserItem } from "../entities/user";
import { IdempotencyKeyReused, UserNotFound } from "../errors";
import { type ExtraWrites, namedItems } from "../ledger/extra-writes";
import { type LedgerPosting, postingAt, postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { MarketClosed, MarketNotFound } from "../markets/errors";
import { readPurchase } from "../markets/purchase-read";
import { heldWindowHit } from "../rate-limit";
import { serviceFor, type TransactionEntities } from "../service";
import { InvalidModelSelection, SessionNotFound } from "./errors";
import type { ModelRegistry } from "./models";

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
 * Opens a session: one read (user and market), then one transaction: the
 * user's update (the `prediction_charge` on its balance, none on the
 * `unlimited` plan, and its hourly and daily session windows as fields), the
 * entry, and the session with every model queued (its user's sessions of the
 * day are counted from the stream: `derived/`). An idempotency item only with
 * the client's key. Any refusal (balance,
 * rate limit) leaves nothing written. Starting the workflow is the caller's
 * next step.
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
  const windows = sessionWindows(ctx);
  // Refused before the write when a window is full; counted again on a retry.
  windows(user);
  const writes = (entities: TransactionEntities, seq?: number): ExtraWrites => ({
    session: entities.predictionSession
      .create({ ...session, ...(seq === undefined ? {} : { ledgerSeq: seq }) })
      .commit(),
    predictions: predictions.map((prediction) => entities.prediction.create(prediction).commit()),
  });

  if (charged === 0) {
    await startFree(ctx, user, windows, (entities) => writes(entities));
    return { session, newBalance: user.balance, replayed: false };
  }
  const posting = await postLedgerEntry(ctx, {
    userId: user.userId,
    amount: -charged,
    type: "prediction_charge",
    reason: `Predict with AI: ${models.length} model${models.length === 1 ? "" : "s"} on "${market.title}"`,
    referenceId: sessionId,
    marketId: market.marketId,
    idempotencyKey: ledgerKey,
    // Without a client key, the session's create under a fresh id is what a retried attempt finds taken.
    replayGuard: ledgerKey
      ? undefined
      : { write: "session", find: () => firstAttempt(ctx, sessionId) },
    knownUser: user,
    userFields: (current) => ({ rateWindows: { ...current.rateWindows, ...windows(current) } }),
    alsoWrite: (entities, entry) => writes(entities, entry.seq),
  });
  if (posting.replayed && ledgerKey) return replay(ctx, posting.seq, user, input);
  return {
    session: { ...session, ledgerSeq: posting.seq },
    newBalance: posting.balanceAfter,
    replayed: false,
  };
}

type Windows = Pick<NonNullable<UserItem["rateWindows"]>, "sessionsHour" | "sessionsDay">;

/**
 * The user's hourly and daily session windows with this start counted, held on
 * the user item (`PREDICTION_SESSIONS_PER_HOUR`, `_PER_DAY`); a full one throws
 * `RateLimitExceeded` naming its rule. Exact: the write that carries them is
 * conditioned on the user as read.
 */
function sessionWindows(ctx: CoreContext): (user: UserItem) => Required<Windows> {
  const { predictionSessionsPerHour, predictionSessionsPerDay } = limitsOf(ctx.config).rateLimits;
  return (user) => ({
    sessionsHour: heldWindowHit(ctx, predictionSessionsPerHour, user.rateWindows?.sessionsHour),
    sessionsDay: heldWindowHit(ctx, predictionSessionsPerDay, user.rateWindows?.sessionsDay),
  });
}

/** Attempts of a free start whose user changed under it before it gives up. */
const maxFreeAttempts = 20;

/**
 * A session on the `unlimited` plan moves no credits, so no ledger update
 * carries its windows: its transaction updates them on the user itself,
 * conditioned on the sequence number and both windows as read, and reads the
 * user again when another write got there first.
 */
async function startFree(
  ctx: CoreContext,
  read: UserItem,
  windows: (user: UserItem) => Required<Windows>,
  writes: (entities: TransactionEntities) => ExtraWrites,
): Promise<void> {
  let user: UserItem | null = read;
  for (let attempt = 1; user; attempt++) {
    const held: UserItem = user;
    const counted = windows(held);
    const result = await writeRetryingConflicts(() =>
      serviceFor(ctx.db)
        .transaction.write((entities) => [
          entities.user
            .patch({ userId: held.userId })
            .set({ rateWindows: { ...held.rateWindows, ...counted } })
            .where(({ ledgerSeq, rateWindows }, { eq, notExists }) =>
              [
                eq(ledgerSeq, held.ledgerSeq),
                ...(["sessionsHour", "sessionsDay"] as const).map((name) => {
                  const window = held.rateWindows?.[name];
                  return window
                    ? `${eq(rateWindows[name].start, window.start ?? 0)} AND ${eq(rateWindows[name].count, window.count ?? 0)}`
                    : notExists(rateWindows[name]);
                }),
              ].join(" AND "),
            )
            .commit(),
          ...namedItems(writes(entities)).items,
        ])
        .go(),
    );
    if (!result.canceled) return;
    const reasons = cancellationReasons(result);
    if (reasons[0]?.code !== conditionFailed || attempt >= maxFreeAttempts) {
      throw new TransactionCancelled("Session start", reasons);
    }
    ({ data: user } = await serviceFor(ctx.db)
      .entities.user.get({ userId: held.userId })
      .go({ consistent: true }));
  }
  throw new UserNotFound(read.userId);
}

/** The charge of a keyless start's first attempt, when a retry finds its session created. */
async function firstAttempt(ctx: CoreContext, sessionId: string): Promise<LedgerPosting | null> {
  const { data: session } = await serviceFor(ctx.db)
    .entities.predictionSession.get({ sessionId })
    .go({ consistent: true });
  return session?.ledgerSeq === undefined
    ? null
    : postingAt(ctx, session.userId, session.ledgerSeq);
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
