import { QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { BetItem } from "@market/core/entities";
import { openAccount } from "@market/core/ledger";
import { createMarket, resolveMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { round2 } from "./measure";
import type { BenchStack } from "./stack";

export interface SettlementBenchOptions {
  bets: number;
  users: number;
  /** Bets settled at once (the settlement task's concurrency; the raw side uses the same). */
  concurrency: number;
}

/** Issue 23's settlement targets: requests per bet, and speed against the raw per-bet floor. */
export const settlementTargets = { maxRequestsPerBet: 0.1, minRatioToPerBetFloor: 2 };

/**
 * A market with `bets` pending bets (half on each side) resolved `this` and
 * settled by the real settlement workflow, beside the same number of bets settled
 * by the raw per-bet floor at the same concurrency: per winner one
 * TransactWriteItems (bet out of pending, balance += payout, one ledger entry),
 * per loser one conditional UpdateItem, pages read from the same index. The app
 * settles many bets per transaction, so it can beat that floor.
 */
export async function benchSettlement(stack: BenchStack, options: SettlementBenchOptions) {
  const users: string[] = [];
  const run = Date.now().toString(36);
  for (let index = 0; index < options.users; index++) {
    const userId = `settle-${run}-${index}`;
    await openAccount(stack.ctx, {
      userId,
      openingGrant: { amount: 1000, type: "admin_grant", reason: "bench" },
    });
    users.push(userId);
  }
  const appMarket = await seededMarket(stack, users, options.bets, "app");
  const rawMarket = await seededMarket(stack, users, options.bets, "raw");

  // App: the settlement workflow, as an admin's resolve starts it.
  await resolveMarket(stack.ctx, appMarket, "this");
  stack.meter.reset();
  let started = performance.now();
  const execution = await stack.settlement.start(appMarket);
  const outcome = await execution.done;
  const appSeconds = (performance.now() - started) / 1000;
  if (outcome.status !== "SUCCEEDED") throw new Error(`settlement failed: ${String(outcome)}`);
  const appRequests = stack.meter.total();
  const appCapacity = stack.meter.capacity();
  const byCommand = stack.meter.snapshot();
  const transitions = stack.transitions.settlements.get(appMarket) ?? 0;

  // Raw: the minimal writes, same bets, same concurrency.
  await resolveMarket(stack.ctx, rawMarket, "this");
  stack.rawMeter.reset();
  started = performance.now();
  await settleRaw(stack, rawMarket, options.concurrency);
  const rawSeconds = (performance.now() - started) / 1000;

  const app = options.bets / appSeconds;
  const raw = options.bets / rawSeconds;
  return {
    bets: options.bets,
    users: options.users,
    concurrency: options.concurrency,
    app: {
      seconds: round2(appSeconds),
      betsPerSecond: round2(app),
      dynamoRequestsPerBet: round2(appRequests / options.bets),
      capacityUnitsPerBet: round2(appCapacity / options.bets),
      requestsByCommand: byCommand,
      stateTransitions: transitions,
    },
    rawMinimal: {
      seconds: round2(rawSeconds),
      betsPerSecond: round2(raw),
      dynamoRequestsPerBet: round2(stack.rawMeter.total() / options.bets),
      capacityUnitsPerBet: round2(stack.rawMeter.capacity() / options.bets),
    },
    ratio: round2(app / raw),
    targets: {
      ...settlementTargets,
      met:
        appRequests / options.bets <= settlementTargets.maxRequestsPerBet &&
        app / raw >= settlementTargets.minRatioToPerBetFloor,
    },
  };
}

async function seededMarket(stack: BenchStack, users: string[], bets: number, label: string) {
  const market = await createMarket(stack.ctx, {
    title: `Settlement bench (${label})`,
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.5,
    thatOdds: 0.5,
    expiresAt: "2099-01-01T00:00:00Z",
  });
  const placedAt = new Date().toISOString();
  const items: BetItem[] = Array.from({ length: bets }, (_, index) => ({
    betId: `${label}-${String(index).padStart(6, "0")}-${stack.ctx.newId()}`,
    userId: users[index % users.length] as string,
    marketId: market.marketId,
    side: index % 2 ? "this" : "that",
    amount: 10,
    oddsAtBet: 0.5,
    potentialPayout: 20,
    status: "pending",
    marketTitle: market.title,
    thisOption: "Yes",
    thatOption: "No",
    placedAt,
  }));
  const { unprocessed } = await serviceFor(stack.deps.db).entities.bet.put(items).go();
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} bets not seeded`);
  return market.marketId;
}

async function settleRaw(stack: BenchStack, marketId: string, concurrency: number) {
  const bets = serviceFor(stack.deps.db).entities.bet;
  const query = bets.query.pendingByMarket({ marketId, status: "pending" }).params({ limit: 100 });
  const table = stack.config.TABLE_NAME;
  const resolvedAt = new Date().toISOString();
  for (;;) {
    const page = await stack.raw.send(new QueryCommand({ ...query, Limit: 100 }));
    const items = (page.Items ?? []) as (BetItem & Record<string, string>)[];
    if (items.length === 0) return;
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const bet = items[next++] as BetItem & Record<string, string>;
        const status = bet.side === "this" ? "won" : "lost";
        const betUpdate = {
          TableName: table,
          Key: { pk: bet.pk, sk: bet.sk },
          UpdateExpression:
            "SET #status = :status, gsi2pk = :gsi2, gsi3pk = :gsi3, actualPayout = :paid, resolvedAt = :at",
          ConditionExpression: "#status = :pending",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":status": status,
            ":pending": "pending",
            ":gsi2": String(bet.gsi2pk).replace("status_pending", `status_${status}`),
            ":gsi3": String(bet.gsi3pk).replace("status_pending", `status_${status}`),
            ":paid": status === "won" ? bet.potentialPayout : 0,
            ":at": resolvedAt,
          },
        };
        if (status === "lost") {
          await stack.raw.send(new UpdateCommand(betUpdate));
          continue;
        }
        await stack.raw.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: betUpdate },
              {
                Update: {
                  TableName: table,
                  Key: { pk: `$market#userid_${bet.userId}`, sk: "$user_1" },
                  UpdateExpression: "ADD balance :paid",
                  ExpressionAttributeValues: { ":paid": bet.potentialPayout },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: {
                    pk: `$market#userid_${bet.userId}`,
                    sk: `$rawentry#${bet.betId}`,
                    amount: bet.potentialPayout,
                    type: "bet_payout",
                    referenceId: bet.betId,
                    createdAt: resolvedAt,
                  },
                },
              },
            ],
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  }
}
