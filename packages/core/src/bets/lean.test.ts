import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { RateLimitExceeded } from "../errors";
import { getBalance, history as ledgerHistory } from "../ledger/read";
import { reconcile } from "../ledger/reconcile";
import { loadModelRegistry } from "../predictions/models/registry";
import { startSession } from "../predictions/start";
import { claimDailyReward } from "../rewards/claim";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext, userWithBalance } from "../test-support";
import { cashOut, quoteCashout } from "./cashout";
import { placeBet } from "./place";

/**
 * A bet writes what a bet needs (issue 22): no idempotency item unless the
 * client sent a key, the bet-rate window on the user's own item, and a retry
 * after an ambiguous failure finds its first attempt through the bet.
 */

const betsPerMinute = 3;
let base: CoreContext;

beforeAll(async () => {
  base = await createTestContext({ BETS_PER_USER_PER_MINUTE: String(betsPerMinute) });
});

/** The context with a clock of its own, moved by `advance`. */
function withClock(start = new Date("2026-12-06T12:00:10.000Z")) {
  let now = start.getTime();
  const ctx: CoreContext = { ...base, clock: () => new Date(now) };
  return { ctx, advance: (ms: number) => (now += ms) };
}

async function betsOf(ctx: CoreContext, userId: string) {
  const { data } = await serviceFor(ctx.db)
    .entities.bet.query.byUser({ userId })
    .go({ pages: "all" });
  return data;
}

describe("a bet without a client key", () => {
  it("writes no idempotency item and says which ledger entry paid for it", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx);

    const { bet } = await placeBet(ctx, { userId, marketId, amount: 40, side: "this" });

    const service = serviceFor(ctx.db);
    const { data: key } = await service.entities.idempotencyKey
      .get({ key: `bet_placed#${bet.betId}` })
      .go({ consistent: true });
    expect(key).toBeNull();
    const { data: stored } = await service.entities.bet.get({ betId: bet.betId }).go();
    const { data: entry } = await service.entities.ledgerEntry
      .get({ userId, seq: stored?.ledgerSeq as number })
      .go();
    expect(entry).toMatchObject({ type: "bet_placed", amount: -40, referenceId: bet.betId });
  });

  it("is charged once when the write committed but its answer was lost", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx);
    // The first money transaction reaches the table, then the caller sees a
    // server error, as when a response is lost: the ledger retries.
    let failNext = true;
    const faulty = { ...ctx, db: { ...ctx.db, client: withLostAnswer(ctx, () => failNext) } };
    const placed = await placeBet(faulty as CoreContext, {
      userId,
      marketId,
      amount: 25,
      side: "that",
    });
    failNext = false;

    expect(placed.newBalance).toBe(975);
    expect((await getBalance(ctx, userId)).balance).toBe(975);
    expect((await betsOf(ctx, userId)).map((bet) => bet.betId)).toEqual([placed.bet.betId]);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });
});

describe("the other money paths without an idempotency item", () => {
  /** The faulty context: the first money transaction commits, then its answer is lost. */
  const losingAnswer = (ctx: CoreContext) =>
    ({ ...ctx, db: { ...ctx.db, client: withLostAnswer(ctx, () => true) } }) as CoreContext;
  const entriesOf = async (ctx: CoreContext, userId: string, type: string) =>
    (await ledgerHistory(ctx, userId, { type: type as never })).entries.length;

  it("pays a daily reward once when its answer was lost", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);

    const claimed = await claimDailyReward(losingAnswer(ctx), userId);

    expect(claimed.newBalance).toBe(1000 + ctx.config.DAILY_REWARD);
    expect((await getBalance(ctx, userId)).balance).toBe(1000 + ctx.config.DAILY_REWARD);
    expect(await entriesOf(ctx, userId, "daily_reward")).toBe(1);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });

  it("credits a cash-out once when its answer was lost", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx, { thisOdds: 0.5 });
    const { bet } = await placeBet(ctx, { userId, marketId, amount: 100, side: "this" });
    const quote = await quoteCashout(ctx, userId, bet.betId);

    const cashed = await cashOut(losingAnswer(ctx), userId, bet.betId, quote.quoteId);

    expect(cashed.credited).toBe(quote.amount);
    expect((await getBalance(ctx, userId)).balance).toBe(900 + quote.amount);
    expect(await entriesOf(ctx, userId, "bet_cashout")).toBe(1);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });

  it("charges a session start once when its answer was lost", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx);
    const registry = loadModelRegistry(ctx.config);
    const [model] = registry.list();

    const started = await startSession(losingAnswer(ctx), registry, {
      userId,
      marketId,
      selectedModels: [model?.id as string],
    });

    const { data: sessions } = await serviceFor(ctx.db)
      .entities.predictionSession.query.byUser({ userId })
      .go();
    expect(sessions.map((session) => session.sessionId)).toEqual([started.session.sessionId]);
    expect((await getBalance(ctx, userId)).balance).toBe(1000 - (model?.creditCost ?? 0));
    expect(await entriesOf(ctx, userId, "prediction_charge")).toBe(1);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });
});

describe("the bet limit, held on the user item", () => {
  it("refuses the bet past the limit without charging or counting it, and opens again next window", async () => {
    const { ctx, advance } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx);
    const bet = () => placeBet(ctx, { userId, marketId, amount: 10, side: "this" });

    for (let index = 0; index < betsPerMinute; index += 1) await bet();
    await expect(bet()).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(bet()).rejects.toMatchObject({ retryAfterSeconds: 50 });
    expect((await getBalance(ctx, userId)).balance).toBe(1000 - 10 * betsPerMinute);

    advance(60_000);
    await bet();
    expect((await getBalance(ctx, userId)).balance).toBe(1000 - 10 * (betsPerMinute + 1));
  });

  it("lets exactly the limit through when bets race", async () => {
    const { ctx } = withClock();
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await anOpenMarket(ctx);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        placeBet(ctx, { userId, marketId, amount: 10, side: "that" }),
      ),
    );

    const accepted = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter(
      (result) => result.status === "rejected" && result.reason instanceof RateLimitExceeded,
    );
    expect(accepted).toHaveLength(betsPerMinute);
    expect(refused).toHaveLength(10 - betsPerMinute);
    expect(await betsOf(ctx, userId)).toHaveLength(betsPerMinute);
    expect((await getBalance(ctx, userId)).balance).toBe(1000 - 10 * betsPerMinute);
  });
});

/**
 * A client on the same table whose TransactWriteItems go through and then
 * answer a server error while `failing()` holds: the first time only.
 */
function withLostAnswer(ctx: CoreContext, failing: () => boolean) {
  const client = ctx.db.client;
  let lost = false;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "send") return Reflect.get(target, property, receiver);
      return async (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        const answer = await (target.send as (...args: unknown[]) => Promise<unknown>).call(
          target,
          command,
          ...rest,
        );
        if (!lost && failing() && /TransactWrite/.test(command.constructor.name)) {
          lost = true;
          throw Object.assign(new Error("The answer was lost"), { name: "InternalServerError" });
        }
        return answer;
      };
    },
  });
}
