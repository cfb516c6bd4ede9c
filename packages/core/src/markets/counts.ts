import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { MarketItem, MarketStatus } from "../entities/market";
import { backoffMs, isTransientCode, isTransientError, sleep } from "../ledger/retry";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";
import { forgetListState, heldTotal } from "./list-state";

/** The lists a market can be counted in: a status, with or without category and type. */
export interface MarketCountFilter {
  status: MarketStatus;
  categoryKey?: string | undefined;
  marketType?: MarketItem["marketType"] | undefined;
}

type CountedFields = Pick<MarketItem, "status" | "categoryKey" | "marketType">;

/** The counter's key: JSON, so no category text can make two scopes collide. */
export function marketCountScope(filter: MarketCountFilter): string {
  return JSON.stringify([filter.status, filter.categoryKey ?? "*", filter.marketType ?? "*"]);
}

/** The four counters a market in this state counts in. */
function scopesOf(market: CountedFields): string[] {
  const { status, categoryKey, marketType } = market;
  return [
    marketCountScope({ status }),
    marketCountScope({ status, categoryKey }),
    marketCountScope({ status, marketType }),
    marketCountScope({ status, categoryKey, marketType }),
  ];
}

/**
 * What a market's change does to the counters: −1 where it was counted, +1
 * where it now is (`before` null: a new market). Empty when it stays in every
 * list it was in, e.g. an odds update.
 */
export function countMoves(
  before: CountedFields | null,
  after: CountedFields,
): Map<string, number> {
  const moves = new Map<string, number>();
  for (const scope of before ? scopesOf(before) : []) moves.set(scope, (moves.get(scope) ?? 0) - 1);
  for (const scope of scopesOf(after)) moves.set(scope, (moves.get(scope) ?? 0) + 1);
  for (const [scope, delta] of moves) if (delta === 0) moves.delete(scope);
  return moves;
}

const maxAttempts = 8;

/**
 * The market's own write and the counter moves, in one transaction. `stale`
 * when the market's write failed its condition (someone changed it since it was
 * read: read it again). Conflicts on the shared counters are retried.
 */
export async function writeWithCounts(
  ctx: CoreContext,
  marketWrite: (entities: TransactionEntities) => TransactionItem,
  moves: Map<string, number>,
  /** More writes that go with the market's (its gates: `gate.ts`). */
  also?: (entities: TransactionEntities) => TransactionItem[],
): Promise<"written" | "stale"> {
  const service = serviceFor(ctx.db);
  for (let attempt = 1; ; attempt++) {
    let result: { canceled: boolean; data: unknown };
    try {
      result = await service.transaction
        .write((entities) => [
          marketWrite(entities),
          ...[...moves].map(([scope, delta]) =>
            entities.marketCount.update({ scope }).add({ count: delta }).commit(),
          ),
          ...(also?.(entities) ?? []),
        ])
        .go();
    } catch (error) {
      if (attempt < maxAttempts && isTransientError(error)) {
        await sleep(backoffMs(attempt));
        continue;
      }
      throw error;
    }
    if (!result.canceled) {
      forgetListState(ctx.db);
      return "written";
    }
    const reasons = cancellationReasons(result);
    if (reasons[0]?.code === conditionFailed) return "stale";
    // The counters are shared by every market of a list: concurrent moves may conflict.
    if (attempt < maxAttempts && reasons.some((reason) => isTransientCode(reason.code))) {
      await sleep(backoffMs(attempt));
      continue;
    }
    throw new TransactionCancelled("Market write", reasons);
  }
}

/**
 * How many markets a list holds: its counter, one GetItem, which the process
 * keeps for `MARKET_LIST_STATE_SECONDS` (`list-state.ts`).
 */
export async function countMarkets(ctx: CoreContext, filter: MarketCountFilter): Promise<number> {
  const scope = marketCountScope(filter);
  return heldTotal(ctx, scope, async () => {
    const { data } = await serviceFor(ctx.db).entities.marketCount.get({ scope }).go();
    return Math.max(0, data?.count ?? 0);
  });
}
