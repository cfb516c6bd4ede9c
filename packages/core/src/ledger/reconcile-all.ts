import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { toCents } from "../money";
import { scanTable } from "../scan";
import { serviceFor } from "../service";
import { creditFlow } from "./flow";

/** One thing that does not add up, named by the user it belongs to. */
export interface ReconcileDifference {
  userId: string;
  kind:
    | "balance_mismatch"
    | "chain_break"
    | "sequence_gap"
    | "negative_balance"
    | "above_cap"
    | "earned_mismatch"
    | "spent_mismatch"
    | "bet_entries_mismatch"
    | "orphan_entry";
  detail: string;
  seq?: number | undefined;
  betId?: string | undefined;
}

export interface ReconcileReport {
  startedAt: string;
  finishedAt: string;
  /** Items the scan read, and of them the ones checked. */
  scanned: { items: number; users: number; entries: number; bets: number };
  /** Users whose earned/spent totals predate the totals (never written): not checked. */
  untrackedTotals: number;
  differences: ReconcileDifference[];
}

export interface ReconcileOptions {
  /** Parallel Scan segments (DynamoDB `TotalSegments`). */
  segments?: number | undefined;
}

interface UserData {
  user?: UserItem;
  entries: LedgerEntryItem[];
  bets: BetItem[];
}

/**
 * Checks every user's ledger: balance = Σ entries, the `balanceAfter` chain
 * unbroken and gap-free, no balance below 0 or above the cap, the earned/spent
 * totals equal to their sums, and every bet carrying exactly its entries
 * (`bet_placed`; `bet_payout` = `actualPayout` when won; `bet_cashout` = `actualPayout` when cashed out; `bet_refund` = stake
 * when cancelled; none for lost or pending). One parallel segmented Scan reads
 * the table (this job only; no request path scans), and a user found wrong is
 * checked again from consistent Queries, so a write that raced the scan is not
 * reported. Reads only: it never changes data.
 */
export async function reconcileAll(
  ctx: CoreContext,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const startedAt = ctx.clock().toISOString();
  const segments = options.segments ?? 4;
  const byUser = new Map<string, UserData>();
  const scanned = { items: 0, users: 0, entries: 0, bets: 0 };
  const dataOf = (userId: string) => {
    let data = byUser.get(userId);
    if (!data) {
      data = { entries: [], bets: [] };
      byUser.set(userId, data);
    }
    return data;
  };
  const { entities } = serviceFor(ctx.db);

  await scanTable(ctx, { segments }, (items) => {
    scanned.items += items.length;
    const of = (name: string) => items.filter((item) => item.__edb_e__ === name);
    for (const user of entities.user.parse({ Items: of("user") }).data) {
      scanned.users += 1;
      dataOf(user.userId).user = user;
    }
    for (const entry of entities.ledgerEntry.parse({ Items: of("ledgerEntry") }).data) {
      scanned.entries += 1;
      dataOf(entry.userId).entries.push(entry);
    }
    for (const bet of entities.bet.parse({ Items: of("bet") }).data) {
      scanned.bets += 1;
      dataOf(bet.userId).bets.push(bet);
    }
  });

  const differences: ReconcileDifference[] = [];
  let untrackedTotals = 0;
  for (const [userId, data] of byUser) {
    let found = checkUser(ctx, userId, data);
    // A write that landed between the scan's pages looks like a difference: look again, consistently.
    if (found.length > 0) found = checkUser(ctx, userId, await readUser(ctx, userId));
    differences.push(...found);
    if (data.user && data.user.creditsEarned === undefined) untrackedTotals += 1;
  }
  return {
    startedAt,
    finishedAt: ctx.clock().toISOString(),
    scanned,
    untrackedTotals,
    differences,
  };
}

async function readUser(ctx: CoreContext, userId: string): Promise<UserData> {
  const { entities } = serviceFor(ctx.db);
  const [user, entries, bets] = await Promise.all([
    entities.user.get({ userId }).go({ consistent: true }),
    entities.ledgerEntry.query.byUser({ userId }).go({ pages: "all", consistent: true }),
    entities.bet.query.byUser({ userId }).go({ pages: "all" }),
  ]);
  return { ...(user.data ? { user: user.data } : {}), entries: entries.data, bets: bets.data };
}

/** Every rule for one user's data; pure, so the scan and the re-check share it. */
export function checkUser(
  ctx: Pick<CoreContext, "config">,
  userId: string,
  data: UserData,
): ReconcileDifference[] {
  const differences: ReconcileDifference[] = [];
  const add = (kind: ReconcileDifference["kind"], detail: string, extra = {}) =>
    differences.push({ userId, kind, detail, ...extra });
  const { user } = data;
  const entries = [...data.entries].sort((a, b) => a.seq - b.seq);
  if (!user) {
    if (entries.length > 0 || data.bets.length > 0) {
      add("orphan_entry", `${entries.length} entries and ${data.bets.length} bets without a user`);
    }
    return differences;
  }

  const capCents = toCents(ctx.config.BALANCE_CAP);
  let sum = 0;
  let earned = 0;
  let spent = 0;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      add("sequence_gap", `expected entry ${expectedSeq}, found ${entry.seq}`, { seq: entry.seq });
    }
    expectedSeq = entry.seq + 1;
    sum += toCents(entry.amount);
    const flow = creditFlow(entry.type, entry.amount);
    earned += toCents(flow.earned);
    spent += toCents(flow.spent);
    if (toCents(entry.balanceAfter) !== sum) {
      add("chain_break", `balanceAfter ${entry.balanceAfter}, entries sum to ${sum / 100}`, {
        seq: entry.seq,
      });
    }
    if (entry.balanceAfter < 0) {
      add("negative_balance", `balance ${entry.balanceAfter} after entry`, { seq: entry.seq });
    }
    if (toCents(entry.balanceAfter) > capCents) {
      add("above_cap", `balance ${entry.balanceAfter} after entry`, { seq: entry.seq });
    }
  }
  if (expectedSeq - 1 !== user.ledgerSeq) {
    add("sequence_gap", `ledgerSeq is ${user.ledgerSeq}, last entry is ${expectedSeq - 1}`);
  }
  if (toCents(user.balance) !== sum) {
    add("balance_mismatch", `balance ${user.balance}, entries sum to ${sum / 100}`);
  }
  if (user.balance < 0) add("negative_balance", `balance ${user.balance}`);
  if (toCents(user.balance) > capCents) add("above_cap", `balance ${user.balance}`);
  if (user.creditsEarned !== undefined && toCents(user.creditsEarned) !== earned) {
    add("earned_mismatch", `totalCreditsEarned ${user.creditsEarned}, entries say ${earned / 100}`);
  }
  if (user.creditsSpent !== undefined && toCents(user.creditsSpent) !== spent) {
    add("spent_mismatch", `totalCreditsSpent ${user.creditsSpent}, entries say ${spent / 100}`);
  }
  differences.push(...checkBets(userId, data.bets, entries));
  return differences;
}

const betEntryTypes = new Set(["bet_placed", "bet_payout", "bet_refund", "bet_cashout"]);

function checkBets(
  userId: string,
  bets: BetItem[],
  entries: LedgerEntryItem[],
): ReconcileDifference[] {
  const differences: ReconcileDifference[] = [];
  const byBet = new Map<string, LedgerEntryItem[]>();
  for (const entry of entries) {
    if (!betEntryTypes.has(entry.type) || !entry.referenceId) continue;
    const list = byBet.get(entry.referenceId) ?? [];
    list.push(entry);
    byBet.set(entry.referenceId, list);
  }
  for (const bet of bets) {
    const found = byBet.get(bet.betId) ?? [];
    byBet.delete(bet.betId);
    const expected: { type: string; cents: number }[] = [
      { type: "bet_placed", cents: -toCents(bet.amount) },
    ];
    if (bet.status === "won") {
      expected.push({ type: "bet_payout", cents: toCents(bet.actualPayout ?? Number.NaN) });
    }
    if (bet.status === "cancelled")
      expected.push({ type: "bet_refund", cents: toCents(bet.amount) });
    if (bet.status === "cashed_out") {
      expected.push({ type: "bet_cashout", cents: toCents(bet.actualPayout ?? Number.NaN) });
    }
    const describe = (list: { type: string; cents: number }[]) =>
      list
        .map((item) => `${item.type} ${item.cents / 100}`)
        .sort()
        .join(", ");
    const actual = describe(found.map((e) => ({ type: e.type, cents: toCents(e.amount) })));
    if (actual !== describe(expected)) {
      differences.push({
        userId,
        kind: "bet_entries_mismatch",
        detail: `${bet.status} bet has [${actual}], expected [${describe(expected)}]`,
        betId: bet.betId,
      });
    }
  }
  for (const [betId, list] of byBet) {
    differences.push({
      userId,
      kind: "orphan_entry",
      detail: `${list.map((e) => e.type).join(", ")} for a bet the user does not have`,
      betId,
      seq: list[0]?.seq,
    });
  }
  return differences;
}
