import { Entity, Service } from "electrodb";
import type { Db } from "./db";
import { AppliedChange, StreamCheckpoint } from "./entities/applied-change";
import { AuditEvent } from "./entities/audit-event";
import { Bet } from "./entities/bet";
import { DailyCounter } from "./entities/daily-counter";
import { DailyReward } from "./entities/daily-reward";
import { IdempotencyKey } from "./entities/idempotency-key";
import { JobLease } from "./entities/job-lease";
import {
  LeaderboardEntry,
  LeaderboardHead,
  LeaderboardPosition,
  LeaderboardRow,
  ScoreBucket,
} from "./entities/leaderboard";
import { LedgerEntry } from "./entities/ledger-entry";
import { Market } from "./entities/market";
import { MarketCount } from "./entities/market-count";
import { MarketGate } from "./entities/market-gate";
import { MarketSearchToken } from "./entities/market-search-token";
import { MirrorSync } from "./entities/mirror-sync";
import { Notification, NotificationInbox } from "./entities/notification";
import { OddsSnapshot } from "./entities/odds-snapshot";
import { OddsWatch } from "./entities/odds-watch";
import { PasswordResetToken } from "./entities/password-reset-token";
import { Prediction } from "./entities/prediction";
import { PredictionSession } from "./entities/prediction-session";
import { PredictionStat } from "./entities/prediction-stat";
import { Purchase, StripePayment } from "./entities/purchase";
import { RankDirty } from "./entities/rank-dirty";
import { RateLimitWindow } from "./entities/rate-limit-window";
import { ReferralCode } from "./entities/referral-code";
import { RefreshToken } from "./entities/refresh-token";
import { SignIn } from "./entities/sign-in";
import { UniqueEmail, UniqueUsername } from "./entities/unique-guards";
import { User } from "./entities/user";
import { UserFlowWeek } from "./entities/user-flow-week";
import { UserSearchKey } from "./entities/user-search-key";
import { UserStat } from "./entities/user-stat";

const entities = {
  user: User,
  uniqueEmail: UniqueEmail,
  uniqueUsername: UniqueUsername,
  ledgerEntry: LedgerEntry,
  idempotencyKey: IdempotencyKey,
  refreshToken: RefreshToken,
  signIn: SignIn,
  passwordResetToken: PasswordResetToken,
  rateLimitWindow: RateLimitWindow,
  market: Market,
  marketCount: MarketCount,
  marketGate: MarketGate,
  marketSearchToken: MarketSearchToken,
  oddsSnapshot: OddsSnapshot,
  oddsWatch: OddsWatch,
  bet: Bet,
  predictionSession: PredictionSession,
  prediction: Prediction,
  predictionStat: PredictionStat,
  auditEvent: AuditEvent,
  dailyReward: DailyReward,
  dailyCounter: DailyCounter,
  userStat: UserStat,
  userFlowWeek: UserFlowWeek,
  purchase: Purchase,
  stripePayment: StripePayment,
  referralCode: ReferralCode,
  rankDirty: RankDirty,
  leaderboardEntry: LeaderboardEntry,
  leaderboardRow: LeaderboardRow,
  leaderboardPosition: LeaderboardPosition,
  leaderboardHead: LeaderboardHead,
  jobLease: JobLease,
  mirrorSync: MirrorSync,
  scoreBucket: ScoreBucket,
  userSearchKey: UserSearchKey,
  appliedChange: AppliedChange,
  streamCheckpoint: StreamCheckpoint,
  notification: Notification,
  notificationInbox: NotificationInbox,
};

function buildService(db: Db) {
  // ElectroDB binds the Entity instances a Service is given to that service's client
  // and table. Shared module-level instances would follow whichever Db was bound
  // last, in the whole process: each service gets instances of its own.
  const own = Object.fromEntries(
    Object.entries(entities).map(([name, entity]) => [
      name,
      new Entity(entity.schema, { client: db.client, table: db.table }),
    ]),
  ) as unknown as typeof entities;
  return new Service(own, { client: db.client, table: db.table });
}

export type MarketService = ReturnType<typeof buildService>;

const services = new WeakMap<Db, MarketService>();

/** The ElectroDB service bound to a table; built once per `Db`. */
export function serviceFor(db: Db): MarketService {
  let service = services.get(db);
  if (!service) {
    service = buildService(db);
    services.set(db, service);
  }
  return service;
}

type WriteTransactionFn = Parameters<MarketService["transaction"]["write"]>[0];
/** The entities handed to a write-transaction callback. */
export type TransactionEntities = Parameters<WriteTransactionFn>[0];
/** One committed write inside a transaction (`entity.create(...).commit()`). */
export type TransactionItem = ReturnType<WriteTransactionFn>[number];
