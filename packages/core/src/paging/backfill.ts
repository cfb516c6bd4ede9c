import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import { type BetStatus, betStatuses } from "../entities/bet";
import { type LedgerEntryType, ledgerEntryTypes } from "../entities/ledger-entry";
import type { MarketItem } from "../entities/market";
import { betCounterOf, entryCounterOf, type UserItem } from "../entities/user";
import { countMoves } from "../markets/counts";
import { scanTable } from "../scan";
import { serviceFor } from "../service";

export interface CounterBackfillOptions {
  /** Report what would change and write nothing. */
  dryRun?: boolean | undefined;
  /** Parallel Scan segments. */
  segments?: number | undefined;
  /** Called after each page of the scan, for a progress line. */
  onProgress?: ((report: CounterBackfillReport) => void) | undefined;
}

export interface CounterBackfillReport {
  users: number;
  /** Users whose counters were set (or, on a dry run, would be). */
  usersCounted: number;
  markets: number;
  /** Market list counters written (or that would be). */
  marketCounters: number;
  sessions: number;
  /** Prediction sessions given their user-and-market index keys. */
  sessionsIndexed: number;
}

/**
 * Makes the list counters and index keys true for items written before they
 * existed (`npm run migrate:list-counters`); safe to run again at any time.
 * One parallel Scan (a script's job, never a request path's), then:
 * - each user's `entries_<type>` and `bets_<status>` are set from a Query of
 *   their entries and bets, conditioned on the user being unchanged since read
 *   (`ledgerSeq` and `updatedAt`), so a concurrent bet or settlement is never
 *   overwritten: that user is counted again;
 * - every market list counter is set to the markets the scan saw in that list
 *   (a market changing status during the run can leave a counter off by one
 *   until the next run: run it when the market jobs are quiet, e.g. right after
 *   a deploy);
 * - every prediction session without the `byUserMarket` keys gets them.
 */
export async function backfillListCounters(
  ctx: CoreContext,
  options: CounterBackfillOptions = {},
): Promise<CounterBackfillReport> {
  const dryRun = options.dryRun ?? false;
  const report: CounterBackfillReport = {
    users: 0,
    usersCounted: 0,
    markets: 0,
    marketCounters: 0,
    sessions: 0,
    sessionsIndexed: 0,
  };
  const marketCounts = new Map<string, number>();
  const counterScopes = new Set<string>();
  const entities = ["user", "market", "marketCount", "predictionSession"];
  await scanTable(ctx, { segments: options.segments ?? 4, entity: entities }, async (items) => {
    for (const item of items) {
      const entity = item.__edb_e__;
      if (entity === "user") {
        report.users += 1;
        if (!dryRun) await countUser(ctx, String(item.userId));
        report.usersCounted += 1;
      } else if (entity === "market") {
        report.markets += 1;
        for (const [scope, delta] of countMoves(null, item as unknown as MarketItem)) {
          marketCounts.set(scope, (marketCounts.get(scope) ?? 0) + delta);
        }
      } else if (entity === "marketCount") {
        counterScopes.add(String(item.scope));
      } else if (entity === "predictionSession") {
        report.sessions += 1;
        if (item.gsi3pk === undefined) {
          if (!dryRun) await indexSession(ctx, item);
          report.sessionsIndexed += 1;
        }
      }
    }
    options.onProgress?.({ ...report });
  });
  // Lists that hold no market any more still have a counter: it goes to 0.
  for (const scope of counterScopes) if (!marketCounts.has(scope)) marketCounts.set(scope, 0);
  const counters = serviceFor(ctx.db).entities.marketCount;
  for (const [scope, count] of marketCounts) {
    if (!dryRun) await counters.put({ scope, count }).go();
    report.marketCounters += 1;
  }
  return report;
}

/** Sets one user's list counters from their items, again until no write raced it. */
async function countUser(ctx: CoreContext, userId: string): Promise<void> {
  const users = serviceFor(ctx.db).entities.user;
  for (;;) {
    const { data: user } = await users.get({ userId }).go({ consistent: true });
    if (!user) return;
    const counts = await countsOf(ctx, user);
    try {
      await users
        .patch({ userId })
        .set({ ...counts, countersBackfilledAt: ctx.clock().toISOString() })
        .where(
          (item, { eq }) =>
            `${eq(item.ledgerSeq, user.ledgerSeq)} AND ${eq(item.updatedAt, user.updatedAt)}`,
        )
        .go();
      return;
    } catch (error) {
      // A bet, a settlement or a credit landed since the read: count again.
      if (!isConditionFailed(error)) throw error;
    }
  }
}

async function countsOf(ctx: CoreContext, user: UserItem) {
  const service = serviceFor(ctx.db);
  const [entries, bets] = await Promise.all([
    attributeValues(
      ctx,
      service.entities.ledgerEntry.query.byUser({ userId: user.userId }).params(),
      "type",
    ),
    attributeValues(
      ctx,
      service.entities.bet.query.byUser({ userId: user.userId }).params(),
      "status",
    ),
  ]);
  const counts: Partial<Record<string, number>> = {};
  for (const type of ledgerEntryTypes) counts[entryCounterOf(type)] = 0;
  for (const status of betStatuses) counts[betCounterOf(status)] = 0;
  for (const type of entries) {
    const counter = entryCounterOf(type as LedgerEntryType);
    counts[counter] = (counts[counter] ?? 0) + 1;
  }
  for (const status of bets) {
    const counter = betCounterOf(status as BetStatus);
    counts[counter] = (counts[counter] ?? 0) + 1;
  }
  return counts as Partial<UserItem>;
}

/** One attribute of every item of a query, reading only that attribute. */
async function attributeValues(
  ctx: CoreContext,
  params: object,
  attribute: string,
): Promise<string[]> {
  const values: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.db.client.send(
      new QueryCommand({
        ...(params as Record<string, unknown>),
        ProjectionExpression: "#counted",
        ExpressionAttributeNames: {
          ...((params as { ExpressionAttributeNames?: Record<string, string> })
            .ExpressionAttributeNames ?? {}),
          "#counted": attribute,
        },
        ExclusiveStartKey: startKey,
      } as never),
    );
    for (const item of page.Items ?? []) values.push(String(item[attribute]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return values;
}

/** Adds the `byUserMarket` keys ElectroDB would write for this session today. */
async function indexSession(ctx: CoreContext, item: Record<string, unknown>): Promise<void> {
  const sessions = serviceFor(ctx.db).entities.predictionSession;
  const session = sessions.parse({ Item: item }).data;
  if (!session) return;
  const { Item: keys } = sessions.put(session).params() as { Item: Record<string, string> };
  await ctx.db.client
    .send(
      new UpdateCommand({
        TableName: ctx.db.table,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: "SET gsi3pk = :pk, gsi3sk = :sk",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":pk": keys.gsi3pk, ":sk": keys.gsi3sk },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}
