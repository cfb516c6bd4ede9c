import { register } from "@market/core/accounts";
import { issueAccessToken } from "@market/core/auth";
import type { MarketItem } from "@market/core/entities";
import { activeSessionStatuses } from "@market/core/entities";
import { openAccount } from "@market/core/ledger";
import { createMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import {
  catalogueWords,
  seedCatalogue,
  seedHistory,
} from "../../packages/core/src/test-support/catalogue";
import type { CapturedCall } from "./db-calls";
import type { HttpRequestSpec } from "./measure";
import { entityOf, getFromTransact, transactSubset } from "./replay";
import type { BenchStack } from "./stack";

/** One API operation the bench measures, with the leanest DynamoDB calls it could make. */
export interface Operation {
  name: string;
  /** The PRD's p95 target in ms, where it names one (docs/performance.md). */
  p95TargetMs?: number;
  /** Caps one app round (operations that start workflows). */
  maxRequestsPerRound?: number;
  prepare(stack: BenchStack, fixtures: Fixtures): Promise<Prepared>;
}

export interface Prepared {
  /** The i-th request of a round; every call gives a new one (unique bodies). */
  request(index: number): HttpRequestSpec;
  /** The app's calls worth replaying from one captured request (default: all of them). */
  sameCalls?(calls: CapturedCall[]): CapturedCall[];
  /** The leanest calls this operation could make, built from the captured ones. */
  leanCalls(calls: CapturedCall[]): CapturedCall[];
  /** The calls of `leanCalls`, described for the report. */
  leanDescription: string;
  /** Lets background work a round started (workflows) finish before the next round. */
  afterRound?(): Promise<void>;
  /** Undoes what `prepare` set up for the rounds, once they are over. */
  finish?(): Promise<void>;
}

/** Not measurable on this branch yet: reported as such, never as a number. */
export interface PendingOperation {
  name: string;
  notMeasuredYet: string;
}

/**
 * What one whole prediction session (start request and workflow) cost, measured in
 * the fixtures: units by AWS's rules, and as DynamoDB Local reported them.
 */
export const sessionCost = {
  sessions: 0,
  readUnits: 0,
  writeUnits: 0,
  localReadUnits: 0,
  localWriteUnits: 0,
  requests: 0,
};

export interface Fixtures {
  marketIds: string[];
  bettors: { userId: string; token: string }[];
  /** Users with hundreds of bets, ledger entries and sessions: what the list reads page through. */
  readers: { userId: string; token: string }[];
  searchWords: string[];
}

/**
 * The size lists are measured at: a catalogue of this many open markets beside
 * the bench's own 30, and readers with this many bets and ledger entries each.
 */
export const catalogueSize = { markets: 3_000, readers: 5, bets: 500, entries: 500, sessions: 50 };

const json = (token?: string) => ({
  "content-type": "application/json",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

const words = [...catalogueWords];

/** Markets and funded users every operation shares. */
export async function createFixtures(stack: BenchStack, bettors: number): Promise<Fixtures> {
  const marketIds: string[] = [];
  for (let index = 0; index < 30; index++) {
    const word = words[index % words.length] as string;
    const market = await createMarket(stack.ctx, {
      title: `Will ${word} market ${index} resolve this way by 2099?`,
      description: `Benchmark market ${index} about ${word}, with a description of ordinary length for a market.`,
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.55,
      thatOdds: 0.45,
      category: index % 2 ? "crypto" : "politics",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    marketIds.push(market.marketId);
  }
  const run = Date.now().toString(36);
  const funded = async (name: string) => {
    const userId = `${name}-${run}`;
    await openAccount(stack.ctx, {
      userId,
      openingGrant: { amount: 900_000, type: "admin_grant", reason: "bench" },
    });
    return {
      userId,
      token: await issueAccessToken(stack.keys, { userId, role: "user" }, new Date(), 4 * 3600),
    };
  };
  const users: Fixtures["bettors"] = [];
  for (let index = 0; index < bettors; index++) users.push(await funded(`bench-${index}`));
  // Straight to the table (BatchWriteItem), so a realistic size costs seconds, not minutes.
  const catalogue = await seedCatalogue(stack.ctx, catalogueSize.markets, `bench_${run}`);
  const readers: Fixtures["readers"] = [];
  for (let index = 0; index < catalogueSize.readers; index++) {
    const reader = await funded(`reader-${index}`);
    await seedHistory(stack.ctx, reader.userId, catalogue[index] as MarketItem, catalogueSize);
    readers.push(reader);
  }
  return { marketIds, bettors: users, readers, searchWords: words };
}

const pick = <T>(list: T[], index: number): T => list[index % list.length] as T;

function first(calls: CapturedCall[], command: string): CapturedCall {
  const call = calls.find((candidate) => candidate.command === command);
  if (!call) throw new Error(`The app sent no ${command}: ${calls.map((c) => c.command)}`);
  return call;
}

/**
 * The Query that read the page: the one with the largest `Limit`. The open
 * list first asks for the earliest end date (a Query with a `Limit` of 1,
 * mostly answered from memory afterwards), which is not the list's floor.
 */
function pageQuery(calls: CapturedCall[]): CapturedCall {
  const queries = calls.filter((call) => call.command === "QueryCommand");
  const limitOf = (call: CapturedCall) => Number(call.input.Limit ?? Number.POSITIVE_INFINITY);
  const page = queries.reduce<CapturedCall | undefined>(
    (best, call) => (!best || limitOf(call) > limitOf(best) ? call : best),
    undefined,
  );
  if (!page) throw new Error(`The app sent no Query: ${calls.map((c) => c.command)}`);
  return page;
}

function lastTransactWrite(calls: CapturedCall[]): CapturedCall {
  const call = calls.findLast((candidate) => candidate.command === "TransactWriteItemsCommand");
  if (!call) throw new Error("The app sent no TransactWriteItems");
  return call;
}

/** The first TransactWriteItems that writes an item of `entity` (the account's opening). */
function transactWriteWith(calls: CapturedCall[], entity: string): CapturedCall {
  const call = calls.find(
    (candidate) =>
      candidate.command === "TransactWriteItemsCommand" &&
      (candidate.input.TransactItems as Record<string, unknown>[]).some(
        (item) => entityOf(item) === entity,
      ),
  );
  if (!call) throw new Error(`The app wrote no ${entity} in a transaction`);
  return call;
}

/** A strongly consistent GetItem of the first item of `entity` the app read. */
function getOf(calls: CapturedCall[], entity: string): CapturedCall {
  for (const call of calls) {
    if (call.command === "GetItemCommand" && entityOf(call.input) === entity) return call;
    if (call.command === "TransactGetItemsCommand") {
      const items = call.input.TransactItems as Record<string, unknown>[];
      const index = items.findIndex((item) => entityOf(item) === entity);
      if (index >= 0) return getFromTransact(call, index);
    }
    if (call.command === "BatchGetItemCommand") {
      const [table, request] = Object.entries(
        call.input.RequestItems as Record<string, { Keys: Record<string, unknown>[] }>,
      )[0] ?? ["", { Keys: [] }];
      const key = request.Keys.find((candidate) => entityOf({ Key: candidate }) === entity);
      if (key) {
        return {
          command: "GetItemCommand",
          input: { TableName: table, Key: key, ConsistentRead: true },
        };
      }
    }
  }
  throw new Error(`The app read no ${entity}`);
}

const onlyEntities = (call: CapturedCall, entities: string[]) =>
  transactSubset(call, (item) => entities.includes(entityOf(item)));

/** Until the session workflows a round started have ended (bounded). */
async function sessionsIdle(stack: BenchStack): Promise<void> {
  // Through the raw client, so the app's meter counts only what the app sent.
  const sessions = serviceFor({ client: stack.raw, table: stack.config.TABLE_NAME }).entities
    .predictionSession;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const active = await Promise.all(
      activeSessionStatuses.map((status) => sessions.query.byStatus({ status }).go({ count: 1 })),
    );
    if (active.every((page) => page.data.length === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `count` bets of 10 credits placed through the API, spread over the bettors and markets. */
async function placeBets(
  stack: BenchStack,
  fixtures: Fixtures,
  count: number,
): Promise<{ betId: string; token: string }[]> {
  const placed: { betId: string; token: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const bettor = pick(fixtures.bettors, index);
      const response = await fetch(`${stack.origin}/api/v1/bets`, {
        method: "POST",
        headers: json(bettor.token),
        body: JSON.stringify({
          marketId: pick(fixtures.marketIds, index),
          amount: 10,
          side: index % 2 ? "this" : "that",
        }),
      });
      const body = (await response.json()) as { bet?: { id: string } };
      if (!body.bet) throw new Error(`bet failed: ${JSON.stringify(body)}`);
      placed.push({ betId: body.bet.id, token: bettor.token });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return placed;
}

/** A cash-out quote for each bet, through the API (`GET /bets/:betId/cashout`). */
async function quotesFor(
  stack: BenchStack,
  bets: { betId: string; token: string }[],
): Promise<{ betId: string; token: string; quoteId: string }[]> {
  const quoted: { betId: string; token: string; quoteId: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bets.length) {
      const bet = bets[next++] as (typeof bets)[number];
      const response = await fetch(`${stack.origin}/api/v1/bets/${bet.betId}/cashout`, {
        headers: json(bet.token),
      });
      const body = (await response.json()) as { quoteId?: string };
      if (!body.quoteId) throw new Error(`quote failed: ${JSON.stringify(body)}`);
      quoted.push({ ...bet, quoteId: body.quoteId });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return quoted;
}

const password = "a long benchmark passphrase";

/** Set by the bench before preparing (some fixtures scale with the number of rounds). */
export const benchRounds = { rounds: 3 };

export const operations: Operation[] = [
  {
    name: "register",
    p95TargetMs: 200,
    maxRequestsPerRound: 400,
    async prepare() {
      const run = Date.now().toString(36);
      let next = 0;
      return {
        request: () => {
          const n = next++;
          return {
            method: "POST",
            path: "/api/v1/auth/register",
            headers: json(),
            body: JSON.stringify({
              username: `r${run}${n}`,
              email: `r${run}${n}@bench.example`,
              password,
            }),
          };
        },
        leanCalls: (calls) => [
          onlyEntities(transactWriteWith(calls, "uniqueEmail"), [
            "user",
            "uniqueEmail",
            "ledgerEntry",
          ]),
        ],
        leanDescription: "TransactWriteItems(user, email guard, signup-bonus entry)",
      };
    },
  },
  {
    name: "login",
    p95TargetMs: 200,
    maxRequestsPerRound: 400,
    async prepare(stack) {
      const run = Date.now().toString(36);
      const emails: string[] = [];
      for (let index = 0; index < 8; index++) {
        const email = `l${run}${index}@bench.example`;
        await register(
          { ...stack.ctx, keys: stack.keys, email: stack.deps.email },
          { username: `l${run}${index}`, email, password },
        );
        emails.push(email);
      }
      return {
        request: (index) => ({
          method: "POST",
          path: "/api/v1/auth/login",
          headers: json(),
          body: JSON.stringify({ email: pick(emails, index), password }),
        }),
        leanCalls: (calls) => {
          // The lookup by email (it follows the account's failed-login count now),
          // and the sign-in's one write (its SignIn item and first refresh token).
          const lookup = calls.find((call) => entityOf(call.input).toLowerCase() === "uniqueemail");
          const signInWrite = calls.find((call) => call.command === "TransactWriteItemsCommand");
          return [lookup ?? (calls[0] as CapturedCall), ...(signInWrite ? [signInWrite] : [])];
        },
        leanDescription: "the lookup by email, TransactWriteItems(sign-in, refresh token)",
      };
    },
  },
  {
    name: "market list",
    p95TargetMs: 300,
    async prepare() {
      return {
        request: () => ({ method: "GET", path: "/api/v1/markets?limit=20" }),
        leanCalls: (calls) => [pageQuery(calls)],
        leanDescription: "Query (one page)",
      };
    },
  },
  {
    name: "market detail",
    async prepare(_stack, fixtures) {
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/markets/${pick(fixtures.marketIds, index)}`,
        }),
        leanCalls: (calls) => [getOf(calls, "market")],
        leanDescription: "GetItem(market)",
      };
    },
  },
  {
    name: "search",
    async prepare(_stack, fixtures) {
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/markets?q=${pick(fixtures.searchWords, index)}&limit=20`,
        }),
        // The token index holds keys and ranks; the page's markets are one batch read.
        leanCalls: (calls) => [pageQuery(calls), first(calls, "BatchGetItemCommand")],
        leanDescription: "Query (search token index), BatchGetItem (the page's markets)",
      };
    },
  },
  {
    name: "bet",
    p95TargetMs: 500,
    async prepare(_stack, fixtures) {
      return {
        request: (index) => {
          const bettor = pick(fixtures.bettors, index);
          return {
            method: "POST",
            path: "/api/v1/bets",
            headers: json(bettor.token),
            body: JSON.stringify({
              marketId: pick(fixtures.marketIds, index),
              amount: 10,
              side: index % 2 ? "this" : "that",
            }),
          };
        },
        leanCalls: (calls) => [
          getOf(calls, "user"),
          onlyEntities(lastTransactWrite(calls), ["user", "ledgerEntry", "bet"]),
        ],
        leanDescription: "GetItem(user), TransactWriteItems(balance update, entry, bet)",
      };
    },
  },
  {
    name: "cashout quote",
    async prepare(stack, fixtures) {
      const bets = await placeBets(stack, fixtures, 60);
      return {
        request: (index) => {
          const bet = pick(bets, index);
          return {
            method: "GET",
            path: `/api/v1/bets/${bet.betId}/cashout`,
            headers: json(bet.token),
          };
        },
        // The bet, then its market: the quote's price needs both, one after the other.
        leanCalls: (calls) => [getOf(calls, "bet"), getOf(calls, "market")],
        leanDescription: "GetItem(bet), GetItem(market)",
      };
    },
  },
  {
    name: "cash-out",
    // Every request cashes out a bet of its own, placed and quoted before the rounds.
    maxRequestsPerRound: 300,
    async prepare(stack, fixtures) {
      // A sample, a warm-up and each round, then the priced requests (10 at most by default).
      const needed = 300 * (benchRounds.rounds + 1) + 1 + 50;
      const quoted = await quotesFor(stack, await placeBets(stack, fixtures, needed));
      let next = 0;
      return {
        request: () => {
          const bet = quoted[next++];
          if (!bet) throw new Error(`cash-out: more than the ${needed} bets prepared`);
          return {
            method: "POST",
            path: `/api/v1/bets/${bet.betId}/cashout`,
            headers: json(bet.token),
            body: JSON.stringify({ quoteId: bet.quoteId }),
          };
        },
        leanCalls: (calls) => [
          getOf(calls, "bet"),
          onlyEntities(lastTransactWrite(calls), ["user", "ledgerEntry", "bet", "market"]),
        ],
        leanDescription:
          "GetItem(bet), TransactWriteItems(balance update, entry, bet, market check)",
      };
    },
  },
  {
    name: "leaderboard",
    p95TargetMs: 200,
    async prepare() {
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/leaderboard/${index % 2 ? "pnl" : "volume"}?limit=20`,
        }),
        leanCalls: (calls) => [first(calls, "QueryCommand")],
        leanDescription: "Query (one page of the board)",
      };
    },
  },
  {
    name: "daily reward",
    // Once per user per day: every request needs a user who has not claimed yet.
    maxRequestsPerRound: 150,
    async prepare(stack) {
      const run = Date.now().toString(36);
      const tokens: string[] = [];
      const claimers = 150 * (benchRounds.rounds + 2);
      for (let index = 0; index < claimers; index++) {
        const userId = `claim-${run}-${index}`;
        await openAccount(stack.ctx, {
          userId,
          openingGrant: { amount: 100, type: "admin_grant", reason: "bench" },
        });
        tokens.push(await issueAccessToken(stack.keys, { userId, role: "user" }, new Date(), 3600));
      }
      let next = 0;
      return {
        request: () => ({
          method: "POST",
          path: "/api/v1/rewards/daily",
          headers: json(tokens[next++ % tokens.length]),
        }),
        leanCalls: (calls) => [
          getOf(calls, "user"),
          onlyEntities(lastTransactWrite(calls), ["user", "ledgerEntry"]),
        ],
        leanDescription: "GetItem(user), TransactWriteItems(balance update, entry)",
      };
    },
  },
  {
    name: "transactions",
    async prepare(_stack, fixtures) {
      return {
        request: (index) => ({
          method: "GET",
          path: "/api/v1/transactions/me?limit=20",
          headers: json(pick(fixtures.readers, index).token),
        }),
        leanCalls: (calls) => [first(calls, "QueryCommand")],
        leanDescription: "Query (the user's entries, one page)",
      };
    },
  },
  {
    name: "my bets",
    async prepare(_stack, fixtures) {
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/bets/me?limit=20${index % 2 ? "&status=won" : ""}`,
          headers: json(pick(fixtures.readers, index).token),
        }),
        leanCalls: (calls) => [first(calls, "QueryCommand")],
        leanDescription: "Query (the user's bets, one page)",
      };
    },
  },
  {
    name: "category pages",
    async prepare() {
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/markets?limit=20&category=crypto&sort=${index % 2 ? "liquidity" : "expires_soon"}&offset=${20 * (index % 10)}`,
        }),
        leanCalls: (calls) => [pageQuery(calls)],
        leanDescription: "Query (one page of a category)",
      };
    },
  },
  {
    name: "session start",
    maxRequestsPerRound: 120,
    async prepare(stack, fixtures) {
      // The API's part: each round's workflows run after it (`holdSessionWorkflows`).
      stack.holdSessionWorkflows();
      return {
        request: (index) => ({
          method: "POST",
          path: "/api/v1/predictions/sessions",
          headers: json(pick(fixtures.bettors, index).token),
          body: JSON.stringify({
            marketId: pick(fixtures.marketIds, index),
            selectedModels: ["consensus"],
          }),
        }),
        // What the request itself sends; the workflow it starts runs on after the answer.
        sameCalls: (calls) => calls.slice(0, calls.indexOf(lastTransactWrite(calls)) + 1),
        leanCalls: (calls) => [
          getOf(calls, "user"),
          onlyEntities(lastTransactWrite(calls), ["user", "ledgerEntry", "predictionSession"]),
        ],
        leanDescription: "GetItem(user), TransactWriteItems(debit, entry, session)",
        afterRound: async () => {
          await stack.releaseSessionWorkflows();
          await sessionsIdle(stack);
          stack.holdSessionWorkflows();
        },
        finish: () => stack.releaseSessionWorkflows(),
      };
    },
  },
  {
    name: "status poll",
    async prepare(stack, fixtures) {
      const owner = fixtures.bettors[0] as Fixtures["bettors"][number];
      const sessionIds: string[] = [];
      stack.meter.reset();
      // Priced by AWS's rules: the start requests and every call their workflows make.
      const priced = await stack.meter.price(async () => {
        for (let index = 0; index < 10; index++) {
          const response = await fetch(`${stack.origin}/api/v1/predictions/sessions`, {
            method: "POST",
            headers: json(owner.token),
            body: JSON.stringify({
              marketId: pick(fixtures.marketIds, index),
              selectedModels: ["consensus", "momentum"],
            }),
          });
          const body = (await response.json()) as { sessionId?: string };
          if (!body.sessionId) throw new Error(`session start failed: ${JSON.stringify(body)}`);
          sessionIds.push(body.sessionId);
        }
        await sessionsIdle(stack);
      });
      const sum = (units: (call: (typeof priced)[number]) => number) =>
        priced.reduce((total, call) => total + units(call), 0) / sessionIds.length;
      Object.assign(sessionCost, {
        sessions: sessionIds.length,
        readUnits: sum((call) => call.aws.read),
        writeUnits: sum((call) => call.aws.write),
        localReadUnits: stack.meter.readUnits() / sessionIds.length,
        localWriteUnits: stack.meter.writeUnits() / sessionIds.length,
        requests: stack.meter.total() / sessionIds.length,
      });
      return {
        request: (index) => ({
          method: "GET",
          path: `/api/v1/predictions/sessions/${pick(sessionIds, index)}`,
          headers: json(owner.token),
        }),
        leanCalls: (calls) => [calls[0] as CapturedCall],
        leanDescription: "the first read alone (the session item)",
      };
    },
  },
];

/** Operations whose code is not on this branch yet (see docs/performance.md). */
export const pendingOperations: PendingOperation[] = [];
