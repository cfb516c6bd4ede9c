import { type DailyCounts, movementCounts } from "../analytics/daily";
import { settledPnL } from "../bets/payout";
import { dayOf } from "../counters";
import type { LedgerEntryType } from "../entities/ledger-entry";
import type { FlowCounter } from "../entities/user-flow-week";
import { mirroredPrefix } from "../markets/odds-watch";
import { toCents } from "../money";
import type { TableChange } from "./changes";
import type { NotificationDraft } from "./notifications";

/** What one change adds to the numbers derived from the table (all additive). */
export type Effect =
  /** ADD to the user's leaderboard stats of every period holding `at`. */
  | { kind: "stats"; userId: string; at: string; add: StatCounts }
  /** The ranking job should look at this user again. */
  | { kind: "rankDirty"; userId: string }
  /** ADD cents in or out per ledger type to the user's `UserFlowWeek` of the week holding `at`. */
  | { kind: "flows"; userId: string; at: string; add: FlowCounts }
  /** ADD to one UTC day's analytics counters. */
  | { kind: "daily"; day: string; add: DailyCounts }
  /** ADD 1 to the sessions the user started that UTC day (`PredictionStat` `day#<day>`). */
  | { kind: "userSessions"; userId: string; day: string }
  /** A mirrored market someone bet on: the odds refresh re-reads it every 30 s. */
  | { kind: "watchOdds"; marketId: string; since: string }
  /** Put a notification (unread) and ADD 1 to its user's unread count (notifications.ts). */
  | { kind: "notification"; notification: NotificationDraft };

export type StatCounts = Partial<Record<"placed" | "settled" | "volume" | "pnl", number>>;

/** Integer cents, both directions positive. */
export type FlowCounts = Partial<Record<FlowCounter, number>>;

/**
 * A change's effects under the name of the change itself (not of its
 * delivery): the consumer counts each name once.
 */
export interface DerivedChange {
  changeId: string;
  effects: Effect[];
}

/**
 * The derived numbers a table change moves (docs/data-model.md, "Derived
 * data"): a bet placed adds to its user's volume boards, a bet settled (won,
 * lost, refunded or cashed out) to the PnL boards; a ledger entry adds its
 * credits to the day's issued or spent counters and to its user's week of
 * credit flows; a user's first activity of a
 * day counts them in its DAU; a prediction session started or failed counts
 * in the day's sessions (a start also in its user's sessions of the day). Everything else moves nothing.
 */
export function derivedChanges(change: TableChange): DerivedChange[] {
  switch (change.entity) {
    case "bet":
      return betChanges(change.old, change.new);
    case "ledgerEntry": {
      const entry = change.new;
      if (!entry || change.old) return [];
      const flows = flowCounts(entry);
      return [
        {
          changeId: `ledger#${entry.userId}#${entry.seq}`,
          effects: [
            { kind: "daily", day: dayOf(entry.createdAt), add: movementCounts(entry) },
            ...(Object.keys(flows).length > 0
              ? [{ kind: "flows" as const, userId: entry.userId, at: entry.createdAt, add: flows }]
              : []),
          ],
        },
      ];
    }
    case "user": {
      const day = change.new?.lastActiveDay;
      if (!change.new || !day || day === change.old?.lastActiveDay) return [];
      return [
        {
          changeId: `active#${change.new.userId}#${day}`,
          effects: [{ kind: "daily", day, add: { activeUsers: 1 } }],
        },
      ];
    }
    case "predictionSession": {
      const session = change.new;
      if (!session) return [];
      if (!change.old) {
        return [
          {
            changeId: `session#${session.sessionId}#started`,
            effects: [
              { kind: "daily", day: dayOf(session.createdAt), add: { sessions: 1 } },
              { kind: "userSessions", userId: session.userId, day: dayOf(session.createdAt) },
            ],
          },
        ];
      }
      if (session.status === "error" && change.old.status !== "error") {
        return [
          {
            changeId: `session#${session.sessionId}#failed`,
            effects: [
              {
                kind: "daily",
                day: dayOf(session.completedAt ?? session.updatedAt ?? session.createdAt),
                add: { sessionsFailed: 1 },
              },
            ],
          },
        ];
      }
      return [];
    }
  }
}

function betChanges(
  old: Extract<TableChange, { entity: "bet" }>["old"],
  bet: Extract<TableChange, { entity: "bet" }>["new"],
): DerivedChange[] {
  if (!bet) return [];
  const changes: DerivedChange[] = [];
  if (!old) {
    changes.push({
      changeId: `bet#${bet.betId}#placed`,
      effects: [
        {
          kind: "stats",
          userId: bet.userId,
          at: bet.placedAt,
          add: { placed: 1, volume: bet.amount },
        },
        { kind: "rankDirty", userId: bet.userId },
        ...(bet.marketId.startsWith(mirroredPrefix)
          ? [{ kind: "watchOdds" as const, marketId: bet.marketId, since: bet.placedAt }]
          : []),
      ],
    });
  }
  const wasPending = !old || old.status === "pending";
  if (wasPending && bet.status !== "pending") {
    const pnl = settledPnL(bet.amount, bet.actualPayout ?? 0);
    changes.push({
      changeId: `bet#${bet.betId}#settled`,
      effects: [
        {
          kind: "stats",
          userId: bet.userId,
          at: bet.resolvedAt ?? bet.placedAt,
          add: { settled: 1, ...(pnl ? { pnl } : {}) },
        },
        { kind: "rankDirty", userId: bet.userId },
      ],
    });
  }
  return changes;
}

/** What a credit movement adds to its user's week: its cents under `in_<type>` or `out_<type>`. */
export function flowCounts(movement: { type: LedgerEntryType; amount: number }): FlowCounts {
  const cents = toCents(movement.amount);
  if (cents > 0) return { [`in_${movement.type}`]: cents };
  if (cents < 0) return { [`out_${movement.type}`]: -cents };
  return {};
}
