import type { CoreContext } from "@market/core";
import { changeOf, compareAggregates, consumeRecords } from "@market/core/derived";
import { localStreamReader, streamRecords } from "@market/core/derived/local-stream";
import type { LedgerEntryItem } from "@market/core/entities";
import { reconcile, reconcileAll } from "@market/core/ledger";
import { toCents } from "@market/core/money";
import { serviceFor } from "@market/core/service";
import { pool } from "./driver";

/**
 * The money invariants a load or soak run must leave intact, checked against
 * the table itself: every balance equals the sum of its entries to the cent
 * (core's `reconcile`: sum, balanceAfter chain, no gaps), no balance below
 * zero, every bet of a settled market settled exactly once (one payout for a
 * win, one refund for a cancel, nothing for a loss or a cash-out, none left
 * pending), a cash-out paid once and only for a cashed-out bet, every
 * session finished or refunded, a refund at most once and never for a finished
 * session. And the daily reconcile job's own check (`reconcileAll`: the same
 * ledger rules plus the earned/spent totals and the cap) must find nothing.
 * The derived numbers, once the stream consumer has caught up, must equal
 * their recomputation from the ledger and the bets, and the last records of
 * the stream delivered again must add nothing.
 */
export async function checkInvariants(ctx: CoreContext) {
  const service = serviceFor(ctx.db);
  const derived = await checkDerived(ctx);
  const { data: users } = await service.entities.user.scan.go({ pages: "all" });
  const problems: string[] = [];
  const entriesByReference = new Map<string, LedgerEntryItem[]>();
  let differences = 0;
  let negative = 0;
  await pool(users, 16, async (user) => {
    const result = await reconcile(ctx, user.userId);
    if (!result.consistent) {
      differences += 1;
      problems.push(
        `user ${user.userId}: balance ${result.balance} vs entries ${result.sumOfEntries}, chain breaks ${result.chainBreaks.join(",") || "none"}, gaps ${result.gaps.join(",") || "none"}`,
      );
    }
    if (user.balance < 0) {
      negative += 1;
      problems.push(`user ${user.userId}: negative balance ${user.balance}`);
    }
    const { data: entries } = await service.entities.ledgerEntry.query
      .byUser({ userId: user.userId })
      .go({ pages: "all" });
    for (const entry of entries) {
      if (!entry.referenceId) continue;
      const key = `${entry.type}#${entry.referenceId}`;
      const list = entriesByReference.get(key) ?? [];
      list.push(entry);
      entriesByReference.set(key, list);
    }
  });
  const countOf = (type: string, id: string) =>
    entriesByReference.get(`${type}#${id}`)?.length ?? 0;

  const { data: markets } = await service.entities.market.scan.go({ pages: "all" });
  const settledMarkets = new Set(
    markets
      .filter((m) => m.status === "resolved" && m.settlement === "done")
      .map((m) => m.marketId),
  );
  const { data: bets } = await service.entities.bet.scan.go({ pages: "all" });
  const betStats = { total: bets.length, onSettledMarkets: 0, badlySettled: 0 };
  for (const bet of bets) {
    if (countOf("bet_placed", bet.betId) !== 1) {
      betStats.badlySettled += 1;
      problems.push(`bet ${bet.betId}: ${countOf("bet_placed", bet.betId)} bet_placed entries`);
    }
    // A cash-out is paid once, and only for a cashed-out bet, settled market or not.
    const cashouts = countOf("bet_cashout", bet.betId);
    if (cashouts !== (bet.status === "cashed_out" ? 1 : 0)) {
      betStats.badlySettled += 1;
      problems.push(`bet ${bet.betId}: ${bet.status} with ${cashouts} cash-outs`);
    }
    if (!settledMarkets.has(bet.marketId)) continue;
    betStats.onSettledMarkets += 1;
    const payouts = countOf("bet_payout", bet.betId);
    const refunds = countOf("bet_refund", bet.betId);
    const expected =
      bet.status === "won"
        ? payouts === 1 && refunds === 0
        : bet.status === "cancelled"
          ? refunds === 1 && payouts === 0
          : (bet.status === "lost" || bet.status === "cashed_out") &&
            payouts === 0 &&
            refunds === 0;
    if (!expected) {
      betStats.badlySettled += 1;
      problems.push(`bet ${bet.betId}: ${bet.status} with ${payouts} payouts, ${refunds} refunds`);
    }
  }

  const { data: sessions } = await service.entities.predictionSession.scan.go({ pages: "all" });
  const sessionStats = { total: sessions.length, finished: 0, refunded: 0, unfinished: 0, bad: 0 };
  for (const session of sessions) {
    const refunds = countOf("prediction_refund", session.sessionId);
    const charges = session.charged > 0 ? countOf("prediction_charge", session.sessionId) : 0;
    if (session.status === "finished") {
      sessionStats.finished += 1;
      if (refunds !== 0) {
        sessionStats.bad += 1;
        problems.push(`session ${session.sessionId}: finished but refunded ${refunds}×`);
      }
    } else if (session.status === "error") {
      sessionStats.refunded += 1;
      const expected = session.charged > 0 ? 1 : 0;
      if (refunds !== expected || session.refunded !== session.charged > 0) {
        sessionStats.bad += 1;
        problems.push(
          `session ${session.sessionId}: error with ${refunds} refunds (charged ${session.charged})`,
        );
      }
    } else {
      sessionStats.unfinished += 1;
      problems.push(`session ${session.sessionId}: still ${session.status}`);
    }
    if (session.charged > 0 && charges > 1) {
      sessionStats.bad += 1;
      problems.push(`session ${session.sessionId}: charged ${charges}×`);
    }
  }
  const economy = checkEconomy(entriesByReference, problems);
  const job = await reconcileAll(ctx);
  for (const difference of job.differences.slice(0, 20)) {
    problems.push(`reconcile job: ${difference.userId} ${difference.kind}: ${difference.detail}`);
  }
  problems.push(...derived.problems);
  return {
    derived: derived.summary,
    users: users.length,
    reconcileDifferences: differences,
    reconcileJobDifferences: job.differences.length,
    negativeBalances: negative,
    bets: betStats,
    sessions: sessionStats,
    economy,
    problems: problems.slice(0, 50),
    ok: problems.length === 0,
  };
}

/**
 * The credit economy's money rules, from the entries by reference: a Checkout
 * Session grants once however often Stripe delivered it; every gift's two
 * sides cancel out; a referral pays each side once.
 */
function checkEconomy(entriesByReference: Map<string, LedgerEntryItem[]>, problems: string[]) {
  const summary = { purchases: 0, transfers: 0, referralBonuses: 0, transferSumCents: 0 };
  for (const [key, entries] of entriesByReference) {
    const [type, referenceId] = [key.slice(0, key.indexOf("#")), key.slice(key.indexOf("#") + 1)];
    if (type === "purchase") {
      summary.purchases += 1;
      if (entries.length !== 1) {
        problems.push(`checkout session ${referenceId}: granted ${entries.length}×`);
      }
    } else if (type === "transfer_out" || type === "transfer_in") {
      for (const entry of entries) summary.transferSumCents += toCents(entry.amount);
      if (type === "transfer_out") summary.transfers += entries.length;
    } else if (type === "referral_bonus") {
      summary.referralBonuses += entries.length;
      // The referrer's entry names the referred user, the referred user's names the
      // referrer: under one name, each user holds one bonus at most.
      const byUser = new Map<string, number>();
      for (const entry of entries) {
        byUser.set(entry.userId, (byUser.get(entry.userId) ?? 0) + 1);
      }
      for (const [userId, count] of byUser) {
        if (count > 1)
          problems.push(`referral bonus naming ${referenceId}: ${userId} paid ${count}×`);
      }
    }
  }
  if (summary.transferSumCents !== 0) {
    problems.push(`gifts: the two sides differ by ${summary.transferSumCents} cents`);
  }
  return summary;
}

/** How many of the stream's last records a check delivers again. */
const redeliveredRecords = 5_000;

/**
 * Catches the derived numbers up (the same consumer `npm start` runs), delivers
 * the stream's last records again (at-least-once delivery: they must add
 * nothing), and compares every stat and day counter with its recomputation.
 */
async function checkDerived(ctx: CoreContext) {
  const reader = localStreamReader(ctx);
  try {
    await reader.drain();
  } finally {
    await reader.stop();
  }
  // The last records that change something derived (the stream also holds the consumer's own writes).
  const followed = (await streamRecords(ctx)).filter((record) => changeOf(ctx.db, record));
  const again = await consumeRecords(ctx, followed.slice(-redeliveredRecords));
  const report = await compareAggregates(ctx);
  const problems = report.differences
    .slice(0, 20)
    .map(
      (d) => `derived ${d.key} ${d.field}: ${d.actual} where the ledger and bets say ${d.expected}`,
    );
  if (again.applied > 0)
    problems.push(`a redelivered batch counted ${again.applied} changes again`);
  return {
    problems,
    summary: {
      stats: report.checked.stats,
      days: report.checked.days,
      flows: report.checked.flows,
      sessions: report.checked.sessions,
      differences: report.differences.length,
      redelivered: again.skipped,
      countedAgain: again.applied,
    },
  };
}

/** The one line a load or soak run ends with: what was checked, and whether it held. */
export function invariantsLine(
  invariants: Awaited<ReturnType<typeof checkInvariants>>,
  failures: string[],
): string {
  const { bets, sessions } = invariants;
  return [
    `reconcile: ${invariants.reconcileDifferences} differences (reconcile job: ${invariants.reconcileJobDifferences}),`,
    `${invariants.negativeBalances} negative balances over ${invariants.users} users;`,
    `${bets.total} bets, ${bets.onSettledMarkets} on settled markets, ${bets.badlySettled} badly settled;`,
    `${sessions.total} sessions: ${sessions.finished} finished, ${sessions.refunded} refunded, ${sessions.unfinished} unfinished, ${sessions.bad} wrong;`,
    `derived: ${invariants.derived.differences} differences over ${invariants.derived.stats} stats, ${invariants.derived.days} days, ${invariants.derived.flows} weeks of credit flows and ${invariants.derived.sessions} users' days of sessions, ${invariants.derived.countedAgain} of ${invariants.derived.redelivered + invariants.derived.countedAgain} redelivered changes counted again;`,
    failures.length ? `FAILED: ${failures.join(" | ")}` : "all invariants hold",
  ].join(" ");
}
