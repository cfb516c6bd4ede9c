import {
  ExecutionAlreadyExists,
  ExecutionLimitExceeded,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { type CoreContext, serviceFor } from "@market/core";
import { placeBet } from "@market/core/bets";
import { reconcile } from "@market/core/ledger";
import { getMarket, resolveMarket } from "@market/core/markets";
import { toCents } from "@market/core/money";
import { beforeAll, describe, expect, it } from "vitest";
import { anOpenMarket, createTestContext, userWithBalance } from "../../test-support/core";
import { ExecutionAbortedError, ExecutionError, runWorkflowLocally } from "../local-engine";
import { createSfnSettlementStarter, settlementExecutionName } from "./aws";
import { settlementDefinition } from "./definition";
import { createLocalSettlementStarter } from "./local";
import { finishSettlementTask, settlePageTask } from "./tasks";

// Resolution of thousands of bets against DynamoDB Local, through the same ASL
// the deployed state machine runs. Seeding goes through placeBet (debit, bet and
// ledger entry in one transaction), so every number below is a real ledger's.

type Side = "this" | "that";
type Resolution = Side | "invalid";

interface SeededBet {
  betId: string;
  userId: string;
  side: Side;
  amount: number;
  potentialPayout: number;
}

const startingBalance = 5_000;
const odds = { this: 0.4, that: 0.6 };

let ctx: CoreContext;

beforeAll(async () => {
  // 10,000 bets and their settlement, checked against the ledger: no derived numbers
  // read here, and DynamoDB Local's stream of such a table slows every other file.
  ctx = await createTestContext({}, { stream: false });
});

function openMarket(): Promise<string> {
  return anOpenMarket(ctx, { thisOdds: odds.this, thatOdds: odds.that });
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A seeded generator (mulberry32), so every run places the same bets. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` bets per user: a side and an amount from 10.00 to 199.99, drawn from `seed`. */
function betPlan(count: number, seed: number): { side: Side; amount: number }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    side: random() < 0.5 ? "this" : "that",
    amount: (1_000 + Math.floor(random() * 19_000)) / 100,
  }));
}

async function createUsers(count: number): Promise<string[]> {
  const users: string[] = [];
  await inParallel([...Array(count).keys()], 32, async () => {
    users.push(await userWithBalance(ctx, startingBalance));
  });
  return users;
}

/**
 * Each user places its planned bets one after the other (its balance is one
 * item); 32 users bet at the same time.
 */
async function placeBets(
  marketId: string,
  users: readonly string[],
  planFor: (userIndex: number) => { side: Side; amount: number }[],
): Promise<SeededBet[]> {
  const bets: SeededBet[] = [];
  await inParallel([...users.keys()], 32, async (index) => {
    const userId = users[index] as string;
    for (const { side, amount } of planFor(index)) {
      const { bet } = await placeBet(ctx, { userId, marketId, side, amount });
      bets.push({ betId: bet.betId, userId, side, amount, potentialPayout: bet.potentialPayout });
    }
  });
  return bets;
}

async function betsWithStatus(marketId: string, status: "pending" | "won" | "lost" | "cancelled") {
  const { data } = await serviceFor(ctx.db)
    .entities.bet.query.pendingByMarket({ marketId, status })
    .go({ pages: "all" });
  return data;
}

/** What a user's ledger says, in cents, by entry type; plus the references of each type. */
interface UserAggregate {
  balance: number;
  pnl: number;
  volume: number;
  entries: number;
  byType: Record<string, { count: number; cents: number }>;
  references: Record<string, string[]>;
  consistent: boolean;
}

async function aggregate(userId: string): Promise<UserAggregate> {
  const service = serviceFor(ctx.db);
  const [{ data: user }, { data: entries }, reconciliation] = await Promise.all([
    service.entities.user.get({ userId }).go({ consistent: true }),
    service.entities.ledgerEntry.query.byUser({ userId }).go({ pages: "all", consistent: true }),
    reconcile(ctx, userId),
  ]);
  if (!user) throw new Error(`No user ${userId}`);
  const byType: UserAggregate["byType"] = {};
  const references: UserAggregate["references"] = {};
  for (const entry of entries) {
    const totals = byType[entry.type] ?? { count: 0, cents: 0 };
    byType[entry.type] = { count: totals.count + 1, cents: totals.cents + toCents(entry.amount) };
    references[entry.type] = [...(references[entry.type] ?? []), entry.referenceId ?? ""];
  }
  return {
    balance: toCents(user.balance),
    pnl: toCents(user.pnl),
    volume: toCents(user.volume),
    entries: entries.length,
    byType,
    references,
    consistent: reconciliation.consistent,
  };
}

async function aggregates(users: readonly string[]): Promise<Map<string, UserAggregate>> {
  const result = new Map<string, UserAggregate>();
  await inParallel(users, 32, async (userId) => {
    result.set(userId, await aggregate(userId));
  });
  return result;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The state a correct settlement leaves: no bet pending, each bet won, lost or
 * cancelled according to its side, every balance equal to its ledger, one
 * payout (or refund) per bet that earned one and none for the others.
 */
async function expectSettled(
  marketId: string,
  resolution: Resolution,
  bets: readonly SeededBet[],
  users: readonly string[],
) {
  expect(await betsWithStatus(marketId, "pending")).toHaveLength(0);
  const outcome = (bet: SeededBet) =>
    resolution === "invalid" ? "cancelled" : bet.side === resolution ? "won" : "lost";
  const stored = new Map<string, { status: string; actualPayout?: number | undefined }>();
  for (const status of ["won", "lost", "cancelled"] as const) {
    for (const bet of await betsWithStatus(marketId, status)) stored.set(bet.betId, bet);
  }
  expect(stored.size).toBe(bets.length);
  const credited = (bet: SeededBet) =>
    outcome(bet) === "won" ? bet.potentialPayout : outcome(bet) === "cancelled" ? bet.amount : 0;
  for (const bet of bets) {
    expect(stored.get(bet.betId)).toMatchObject({
      status: outcome(bet),
      actualPayout: credited(bet),
    });
  }

  const byUser = await aggregates(users);
  const creditType = resolution === "invalid" ? "bet_refund" : "bet_payout";
  for (const userId of users) {
    const user = byUser.get(userId) as UserAggregate;
    const own = bets.filter((bet) => bet.userId === userId);
    const stakes = sum(own.map((bet) => toCents(bet.amount)));
    const credits = sum(own.map((bet) => toCents(credited(bet))));
    expect(user.consistent).toBe(true);
    expect(user.balance).toBe(toCents(startingBalance) - stakes + credits);
    expect(user.pnl).toBe(resolution === "invalid" ? 0 : credits - stakes);
    const earning = own.filter((bet) => credited(bet) > 0).map((bet) => bet.betId);
    // Exactly one credit entry per bet that earned one: no bet paid twice, none skipped.
    // Sorted copies: sort() in place would reorder the aggregate the caller compares later.
    expect([...(user.references[creditType] ?? [])].sort()).toEqual([...earning].sort());
    expect(user.entries).toBe(1 + own.length + earning.length);
  }
  return byUser;
}

describe("the settlement workflow", () => {
  it("settles 10,000 bets of 500 users, each exactly once", async () => {
    const started = performance.now();
    const lap = (() => {
      let last = started;
      return () => {
        const now = performance.now();
        const seconds = Math.round(now - last) / 1000;
        last = now;
        return seconds;
      };
    })();

    const marketId = await openMarket();
    const users = await createUsers(500);
    const bets = await placeBets(marketId, users, (index) => betPlan(20, 1_000 + index));
    const seeding = lap();
    expect(bets).toHaveLength(10_000);
    expect(new Set(bets.map((bet) => bet.side))).toEqual(new Set(["this", "that"]));
    await resolveMarket(ctx, marketId, "this");

    // Billable state transitions (states entered, retries), as the bench counts them.
    let transitions = 0;
    const starter = createLocalSettlementStarter(ctx, {
      onEvent: (_, event) => {
        if (event.type === "StateEntered" || event.type === "StateRetried") transitions += 1;
      },
    });
    const { done } = await starter.start(marketId);
    const run = await done;
    const settling = lap();

    expect(run).toMatchObject({ status: "SUCCEEDED", output: { marketId, page: { more: false } } });
    expect((await getMarket(ctx, marketId)).settlement).toBe("done");
    const byUser = await expectSettled(marketId, "this", bets, users);
    const winners = bets.filter((bet) => bet.side === "this");
    const payouts = sum(winners.map((bet) => toCents(bet.potentialPayout)));
    const stakes = sum(bets.map((bet) => toCents(bet.amount)));
    // The leaderboard's PnL is the market's payouts minus its stakes, to the cent.
    expect(sum([...byUser.values()].map((user) => user.pnl))).toBe(payouts - stakes);
    expect(sum([...byUser.values()].map((user) => user.byType.bet_payout?.count ?? 0))).toBe(
      winners.length,
    );
    // Pages of 1,000: ten full ones and the empty one that ends the loop, two
    // transitions each (the task, the Choice), then "Mark the settlement done" and Succeed.
    expect(transitions).toBe(11 * 2 + 2);
    console.info(
      `10,000 bets: seeded in ${seeding} s, settled in ${settling} s (${transitions} state transitions), checked in ${lap()} s`,
    );
  }, 600_000);

  describe("interrupted and started again", () => {
    const usersPerMarket = 100;
    const betsPerUser = 6;
    const pageSize = 50;
    const plan = (index: number) => betPlan(betsPerUser, 7_000 + index);
    let reference: { users: string[]; final: Map<string, UserAggregate> };

    // The uninterrupted run every interrupted one must end up equal to: twin
    // users (same index) place the same bets on their own market.
    beforeAll(async () => {
      const marketId = await openMarket();
      const users = await createUsers(usersPerMarket);
      const bets = await placeBets(marketId, users, plan);
      await resolveMarket(ctx, marketId, "that");
      const { done } = await createLocalSettlementStarter(ctx, { pageSize }).start(marketId);
      expect(await done).toMatchObject({ status: "SUCCEEDED" });
      reference = { users, final: await expectSettled(marketId, "that", bets, users) };
    }, 300_000);

    /** The twin's aggregate without anything that names this user's own bets. */
    const comparable = ({ references: _, ...rest }: UserAggregate) => rest;

    it.each([
      {
        story: "fails once its retries run out, a crash landing part of a page each time",
        interrupt: "crash",
      },
      {
        story: "is aborted while a page is being settled, the page finishing in the background",
        interrupt: "abort",
      },
    ] as const)(
      "ends as an uninterrupted run when it $story",
      async ({ interrupt }) => {
        const marketId = await openMarket();
        const users = await createUsers(usersPerMarket);
        const bets = await placeBets(marketId, users, plan);
        await resolveMarket(ctx, marketId, "that");

        const pagesBeforeTrouble = 4;
        let pages = 0;
        let inFlight: Promise<unknown> = Promise.resolve();
        const execution = runWorkflowLocally({
          definition: settlementDefinition(),
          resources: {
            SettlePageFunctionArn: async (input) => {
              if (pages++ < pagesBeforeTrouble) return settlePageTask(input, ctx, { pageSize });
              if (interrupt === "crash") {
                // Part of a page lands, then the Lambda dies; every retry does the same.
                await settlePageTask(input, ctx, { pageSize: 17 });
                throw new Error("Lambda crashed mid-page");
              }
              inFlight = settlePageTask(input, ctx, { pageSize });
              execution.abort();
              return inFlight;
            },
            FinishSettlementFunctionArn: (input) => finishSettlementTask(input, ctx),
          },
          input: { marketId },
          overrideRetryIntervals: true,
        });

        if (interrupt === "crash") {
          await expect(execution.result).rejects.toThrow(ExecutionError);
          // The Fail state names the workflow's failure and carries the task's last error.
          await expect(execution.result).rejects.toMatchObject({
            cause: { name: "SettlementFailed", message: "Lambda crashed mid-page" },
          });
          expect(pages).toBe(pagesBeforeTrouble + 5); // the attempt and its 4 retries
        } else {
          await expect(execution.result).rejects.toThrow(ExecutionAbortedError);
        }
        const pendingAfterInterruption = (await betsWithStatus(marketId, "pending")).length;
        expect(pendingAfterInterruption).toBeGreaterThan(0);
        expect(pendingAfterInterruption).toBeLessThanOrEqual(
          bets.length - pagesBeforeTrouble * pageSize,
        );
        // Pages were settled, so the settlement shows as running (not done).
        expect((await getMarket(ctx, marketId)).settlement).toBe("running");

        // Started again (for "abort", while the stopped run's last page is still settling).
        const { done } = await createLocalSettlementStarter(ctx, { pageSize }).start(marketId);
        expect(await done).toMatchObject({ status: "SUCCEEDED" });
        await inFlight;

        // Every bet counted once, though pages were cut short and run again.
        expect(await getMarket(ctx, marketId)).toMatchObject({
          settlement: "done",
          settledBets: bets.length,
        });
        const final = await expectSettled(marketId, "that", bets, users);
        users.forEach((userId, index) => {
          const twin = reference.final.get(reference.users[index] as string) as UserAggregate;
          expect(comparable(final.get(userId) as UserAggregate)).toEqual(comparable(twin));
        });
      },
      300_000,
    );
  });

  it("refunds every stake exactly once when the market resolves invalid, however often it runs", async () => {
    const marketId = await openMarket();
    const users = await createUsers(40);
    const bets = await placeBets(marketId, users, (index) => betPlan(5, 9_000 + index));
    await resolveMarket(ctx, marketId, "invalid");
    const starter = createLocalSettlementStarter(ctx, { pageSize: 30 });

    // A second start while the first run is going is that same run.
    const [first, again] = await Promise.all([starter.start(marketId), starter.start(marketId)]);
    expect(again.executionName).toBe(first.executionName);
    expect(await first.done).toMatchObject({ status: "SUCCEEDED" });
    const afterFirst = await expectSettled(marketId, "invalid", bets, users);

    const second = await starter.start(marketId);
    expect(second.executionName).not.toBe(first.executionName);
    expect(await second.done).toMatchObject({
      status: "SUCCEEDED",
      output: { page: { settled: 0, more: false } },
    });
    expect(await aggregates(users)).toEqual(afterFirst);
    expect(sum([...afterFirst.values()].map((user) => user.byType.bet_refund?.count ?? 0))).toBe(
      bets.length,
    );
  }, 120_000);

  it("is idle only once every run has ended, the ranking after the settlement included", async () => {
    const marketIds = [await openMarket(), await openMarket()];
    const users = await createUsers(10);
    for (const marketId of marketIds) {
      await placeBets(marketId, users, (index) => betPlan(2, 11_000 + index));
      await resolveMarket(ctx, marketId, "this");
    }
    const starter = createLocalSettlementStarter(ctx);
    const ended: string[] = [];
    for (const marketId of marketIds) {
      void (await starter.start(marketId)).done.then(() => ended.push(marketId));
    }

    // What stops the database waits for this: the market is marked done before the
    // run ranks, so polling the market alone would stop it under a running ranking.
    await starter.idle();

    expect(ended.sort()).toEqual([...marketIds].sort());
    await starter.idle();
  }, 120_000);
});

describe("settlementExecutionName", () => {
  const at = new Date("2026-01-02T03:04:05.006Z");

  it("names the market and the moment", () => {
    expect(settlementExecutionName("pm_1120334", at)).toBe("settle-pm_1120334-20260102T030405006Z");
  });

  it.each([
    ["characters Step Functions refuses", "pm:1120334/yes no"],
    ["an id longer than the 80 allowed", "x".repeat(200)],
  ])("keeps to [A-Za-z0-9_-] and 80 characters with %s", (_, marketId) => {
    expect(settlementExecutionName(marketId, at)).toMatch(
      /^settle-[A-Za-z0-9_-]+-20260102T030405006Z$/,
    );
    expect(settlementExecutionName(marketId, at).length).toBeLessThanOrEqual(80);
  });

  it("never gives two markets the same name, even when cut or cleaned", () => {
    const long = "m".repeat(100);
    expect(settlementExecutionName(`${long}a`, at)).not.toBe(
      settlementExecutionName(`${long}b`, at),
    );
    expect(settlementExecutionName("a:b", at)).not.toBe(settlementExecutionName("a/b", at));
  });
});

describe("createSfnSettlementStarter", () => {
  const stateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:Settlement";
  const clock = () => new Date("2026-01-02T03:04:05.006Z");

  /** An SFN client that records what it is sent and answers with `reply`. */
  function sfnClient(reply: () => Promise<unknown>) {
    const sent: StartExecutionCommand[] = [];
    const client = {
      send: async (command: StartExecutionCommand) => {
        sent.push(command);
        return reply();
      },
    } as unknown as SFNClient;
    return { client, sent };
  }

  it("starts an execution named after the market with the market as input", async () => {
    const { client, sent } = sfnClient(async () => ({ executionArn: "arn" }));
    const starter = createSfnSettlementStarter({ stateMachineArn, client, clock });

    const { executionName, done } = await starter.start("pm_42");

    expect(executionName).toBe("settle-pm_42-20260102T030405006Z");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(StartExecutionCommand);
    expect(sent[0]?.input).toEqual({
      stateMachineArn,
      name: executionName,
      input: JSON.stringify({ marketId: "pm_42" }),
    });
    await expect(done).resolves.toBeUndefined();
  });

  it("takes an execution that already exists as started", async () => {
    const { client } = sfnClient(async () => {
      throw new ExecutionAlreadyExists({ message: "exists", $metadata: {} });
    });
    const starter = createSfnSettlementStarter({ stateMachineArn, client, clock });

    await expect(starter.start("pm_42")).resolves.toMatchObject({
      executionName: "settle-pm_42-20260102T030405006Z",
    });
  });

  it("lets any other error reach the caller", async () => {
    const { client } = sfnClient(async () => {
      throw new ExecutionLimitExceeded({ message: "too many running", $metadata: {} });
    });
    const starter = createSfnSettlementStarter({ stateMachineArn, client, clock });

    await expect(starter.start("pm_42")).rejects.toBeInstanceOf(ExecutionLimitExceeded);
  });
});
