import type { CoreContext } from "../context";
import { type LedgerEntryType, ledgerEntryTypes } from "../entities/ledger-entry";
import type { UserFlowWeekItem } from "../entities/user-flow-week";
import { isoWeekOf } from "../leaderboard/periods";
import { creditFlowWeeks } from "../limits";
import { fromCents } from "../money";
import { serviceFor } from "../service";

/** One ledger type's credits in and out of the account in a week (both positive). */
export interface CreditFlow {
  type: LedgerEntryType;
  in: number;
  out: number;
}

export interface CreditFlowWeek {
  /** ISO week, `2026-W49`. */
  week: string;
  /** Its Monday, `YYYY-MM-DD` (UTC). */
  startsOn: string;
  /** Credits in and out of the account that week, all types together. */
  in: number;
  out: number;
  /** The types that moved credits that week, in the ledger's order of types. */
  byType: CreditFlow[];
}

const weekMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Where a user's credits went, week by week: the `weeks` newest ISO weeks up
 * to this one, oldest first, each with its credits in and out per ledger type
 * (a week without movements has none). The numbers are the counters the stream
 * consumer keeps (`UserFlowWeek`, docs/data-model.md "Derived data"): one
 * Query, no ledger read, and a movement shows once the consumer has read it.
 */
export async function readCreditFlows(
  ctx: CoreContext,
  userId: string,
  weeks: number = creditFlowWeeks.default,
): Promise<{ weeks: CreditFlowWeek[] }> {
  const count = Math.min(Math.max(Math.trunc(weeks), 1), creditFlowWeeks.max);
  const now = ctx.clock().getTime();
  const calendar = Array.from({ length: count }, (_, index) =>
    isoWeekOf(new Date(now - (count - 1 - index) * weekMs)),
  );
  const first = calendar[0]?.key as string;
  const last = calendar[calendar.length - 1]?.key as string;
  const { data } = await serviceFor(ctx.db)
    .entities.userFlowWeek.query.byUser({ userId })
    .between({ week: first }, { week: last })
    .go({ limit: count });
  const stored = new Map(data.map((item) => [item.week, item]));
  return {
    weeks: calendar.map(({ key, startsOn }) => flowWeek(key, startsOn, stored.get(key))),
  };
}

function flowWeek(
  week: string,
  startsOn: string,
  item: UserFlowWeekItem | undefined,
): CreditFlowWeek {
  let inCents = 0;
  let outCents = 0;
  const byType: CreditFlow[] = [];
  for (const type of ledgerEntryTypes) {
    const credited = item?.[`in_${type}`] ?? 0;
    const debited = item?.[`out_${type}`] ?? 0;
    if (credited === 0 && debited === 0) continue;
    inCents += credited;
    outCents += debited;
    byType.push({ type, in: fromCents(credited), out: fromCents(debited) });
  }
  return { week, startsOn, in: fromCents(inCents), out: fromCents(outCents), byType };
}
