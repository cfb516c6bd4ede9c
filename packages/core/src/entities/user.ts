import { Entity, type EntityItem } from "electrodb";

export const userRoles = ["user", "admin"] as const;
/** `unlimited` skips prediction charges (docs/product-rules.md). */
export const plans = ["free", "unlimited"] as const;

import { type BetStatus, betStatuses } from "./bet";
import { type LedgerEntryType, ledgerEntryTypes } from "./ledger-entry";

/** The user's count of ledger entries of one type, e.g. `entries_bet_payout`. */
export type EntryCounter = `entries_${LedgerEntryType}`;
/** The user's count of bets in one status, e.g. `bets_won`. */
export type BetCounter = `bets_${BetStatus}`;

export const entryCounterOf = (type: LedgerEntryType): EntryCounter => `entries_${type}`;
export const betCounterOf = (status: BetStatus): BetCounter => `bets_${status}`;

/**
 * The list counters (`total` of `/transactions/me?type=` and `/bets/me?status=`),
 * one number attribute each, ADDed by the transactions that write the entries and
 * move the bets. Top-level attributes, not a map: ADD creates a missing one at 0,
 * so an item written before the counters existed takes the ADD too.
 */
const listCounters = Object.fromEntries(
  [...ledgerEntryTypes.map(entryCounterOf), ...betStatuses.map(betCounterOf)].map((name) => [
    name,
    { type: "number" },
  ]),
) as { [name in EntryCounter | BetCounter]: { type: "number" } };

/**
 * An account. `balance` is only ever changed by the ledger, together with
 * `ledgerSeq`, which numbers the user's ledger entries and doubles as the
 * optimistic-concurrency version of the balance.
 */
/** A rate-limit window held on the user item: `count` of the window starting at `start` (epoch s). */
const heldWindow = {
  type: "map",
  properties: { start: { type: "number" }, count: { type: "number" } },
} as const;

export const User = new Entity({
  model: { entity: "user", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string" },
    username: { type: "string" },
    passwordHash: { type: "string" },
    role: { type: userRoles, required: true, default: "user" },
    /** When the owner proved they read mail at `email` (the signed link); unset until then. */
    emailVerifiedAt: { type: "string" },
    /**
     * The owner asked for an email when a bet pays out (`PUT /users/me/preferences`);
     * unset means no, as for every account opened before the preference existed.
     */
    emailPayouts: { type: "boolean" },
    /**
     * Raised (ADD, never set) by every password change and reset, role change and
     * sign-out everywhere: refresh, access and reset tokens issued under an older
     * generation stop working (accounts/token-state.ts, accounts/sign-in.ts).
     * Unset means 0.
     */
    tokenGeneration: { type: "number" },
    /**
     * Sign-ins ended (logout, reuse detection) while their access tokens may still
     * be alive: `<signInId>@<epoch seconds until>`, pruned once past the
     * access-token lifetime. Pruning is safe because the ended sign-in's refresh
     * tokens are refused for good by its `SignIn` generation.
     */
    endedSignIns: { type: "list", items: { type: "string" } },
    /** Raised by every write of `endedSignIns`, which is conditioned on it (no lost entry). */
    endedSignInsVersion: { type: "number" },
    plan: { type: plans, required: true, default: "free" },
    balance: { type: "number", required: true, default: 0 },
    ledgerSeq: { type: "number", required: true, default: 0 },
    pnl: { type: "number", required: true, default: 0 },
    volume: { type: "number", required: true, default: 0 },
    /** Lifetime credits in and out (`ledger/flow.ts`), kept by the ledger's transaction. */
    creditsEarned: { type: "number", default: 0 },
    creditsSpent: { type: "number", default: 0 },
    /** Daily reward (rewards module): when it was last claimed, the streak, claims so far. */
    lastDailyRewardAt: { type: "string" },
    currentStreak: { type: "number" },
    longestStreak: { type: "number" },
    rewardCount: { type: "number" },
    /**
     * The last UTC day (`YYYY-MM-DD`) the user was counted active (analytics'
     * DAU): set at most once a day, in the transaction that adds them to the day.
     */
    lastActiveDay: { type: "string" },
    /**
     * The user's own rate-limit windows for credit operations (`rate-limit.ts`,
     * `heldWindow`): rule name to `{ start, count }`, epoch seconds. Set in the
     * ledger's own user update, so a limit costs no item of its own and the
     * ledger's sequence condition makes the count exact.
     */
    rateWindows: {
      type: "map",
      properties: {
        bets: heldWindow,
        transfers: heldWindow,
        /** Referral bonuses earned this UTC month: `count` of the month starting at `start`. */
        referrals: heldWindow,
        /** Credits sent this UTC day, in cents: `count` of the day starting at `start`. */
        transferredToday: heldWindow,
        /** Prediction sessions started this hour and this day (`PREDICTION_SESSIONS_PER_*`). */
        sessionsHour: heldWindow,
        sessionsDay: heldWindow,
      },
    },
    /** The user's referral code (`ReferralCode`), made on first ask. */
    referralCode: { type: "string" },
    /** Who referred this user (their code at registration); the bonus waits for a settled bet. */
    referredBy: { type: "string" },
    /** When this user's referral was settled (bonuses paid, or refused at the referrer's cap). */
    referralSettledAt: { type: "string" },
    /** Users who registered with this user's code, and the referral credits it earned. */
    referredCount: { type: "number" },
    referralCreditsEarned: { type: "number" },
    ...listCounters,
    /** When `npm run migrate:list-counters` last set the counters from the items (absent: never). */
    countersBackfilledAt: { type: "string" },
    /** All-time ranks, written by the ranking job (leaderboard module); absent before. */
    rankByPnL: { type: "number" },
    rankByVolume: { type: "number" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UserItem = EntityItem<typeof User>;
