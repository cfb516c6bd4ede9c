/**
 * Measures what `npm run capacity` models: each operation of the load test's mix,
 * sent a few times through the real HTTP app on DynamoDB Local with every DynamoDB
 * request priced by AWS's rules (the bench's pricing middleware), and one
 * settlement of a market with pending bets. Records the partitions each request
 * touched and the ids it acted as and on, and what the stream consumer writes
 * for the records those requests left (`<operation>: stream consumer`, at the
 * rate of the operation: in AWS a Lambda on the table's stream does it).
 */

import { issueAccessToken } from "@market/core/auth";
import { consumeRecords } from "@market/core/derived";
import { streamRecords } from "@market/core/derived/local-stream";
import { openAccount } from "@market/core/ledger";
import { createMarket } from "@market/core/markets";
import type { KeyTouch, PricedCall } from "../bench/aws-pricing";
import type { HttpRequestSpec } from "../bench/measure";
import { createFixtures, type Operation, operations } from "../bench/operations";
import type { BenchStack } from "../bench/stack";
import type { Identities, MeasuredOperation } from "./model";

/** The operations the load test sends that the bench does not: built here the same way. */
const extraOperations: Operation[] = [
  {
    name: "profile",
    async prepare(_stack, fixtures) {
      return {
        request: (index) => {
          const user = fixtures.bettors[index % fixtures.bettors.length];
          return {
            method: "GET",
            path: "/api/v1/users/me",
            headers: { authorization: `Bearer ${user?.token}` },
          };
        },
        leanCalls: (calls) => calls,
        leanDescription: "",
      };
    },
  },
];

export interface Measured {
  operations: MeasuredOperation[];
  ids: Identities;
  /** Bets of the measured settlement (its touches are per whole settlement, divided per bet). */
  settlementBets: number;
}

/** The subject of a bearer token (no verification: the bench signed it). */
function subjectOf(spec: HttpRequestSpec): string | undefined {
  const token = spec.headers?.authorization?.replace(/^Bearer /, "");
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  return (JSON.parse(Buffer.from(payload, "base64url").toString()) as { sub?: string }).sub;
}

function marketOf(spec: HttpRequestSpec): string | undefined {
  const fromPath = spec.path.match(/\/markets\/([^/?]+)/)?.[1];
  if (fromPath) return fromPath;
  if (!spec.body) return undefined;
  return (JSON.parse(spec.body) as { marketId?: string }).marketId;
}

const touchesOf = (calls: PricedCall[]): KeyTouch[] => calls.flatMap((call) => call.touches);

export async function measureOperations(
  stack: BenchStack,
  options: {
    names: string[];
    samples: number;
    settlementBets: number;
    log: (line: string) => void;
  },
): Promise<Measured> {
  const fixtures = await createFixtures(stack, Math.max(options.samples, 10));
  const users = new Set<string>([
    ...fixtures.bettors.map((user) => user.userId),
    ...fixtures.readers.map((user) => user.userId),
  ]);
  const markets = new Set<string>(fixtures.marketIds);
  const measured: MeasuredOperation[] = [];
  const all = [...operations, ...extraOperations];
  for (const name of options.names) {
    const operation = all.find((each) => each.name === name);
    if (!operation) throw new Error(`capacity: no operation named ${name}`);
    options.log(`${name}: ${options.samples} requests...`);
    const prepared = await operation.prepare(stack, fixtures);
    // The same requests once unpriced first: what a user's first request of the day
    // writes once (the daily-active mark) is not what every request costs.
    for (let index = 0; index < options.samples; index++) {
      const spec = prepared.request(index);
      const response = await fetch(`${stack.origin}${spec.path}`, {
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
      });
      await response.arrayBuffer();
    }
    await prepared.afterRound?.();
    const samples: KeyTouch[][] = [];
    const seen = await streamPosition(stack);
    for (let index = 0; index < options.samples; index++) {
      const spec = prepared.request(index);
      const calls = await stack.meter.price(async () => {
        const response = await fetch(`${stack.origin}${spec.path}`, {
          method: spec.method,
          headers: spec.headers,
          body: spec.body,
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${name}: ${response.status} ${text}`);
        const body = JSON.parse(text || "{}") as { user?: { id?: string } };
        if (body.user?.id) users.add(body.user.id);
      });
      const subject = subjectOf(spec);
      if (subject) users.add(subject);
      const market = marketOf(spec);
      if (market) markets.add(market);
      samples.push(touchesOf(calls));
    }
    measured.push({ name, samples });
    const derived = await consumerTouches(stack, seen);
    if (derived.length > 0) {
      measured.push({ name: consumerOf(name), samples: spread(derived, options.samples) });
    }
    if (name === "session start") {
      // The workflow each start runs (its Lambdas in AWS), at the rate of the starts.
      const before = await streamPosition(stack);
      const workflow = await stack.meter.price(async () => prepared.afterRound?.());
      measured.push({
        name: "session workflow",
        samples: spread(touchesOf(workflow), options.samples),
      });
      measured.push({
        name: consumerOf("session workflow"),
        samples: spread(await consumerTouches(stack, before), options.samples),
      });
    } else {
      await prepared.afterRound?.();
    }
    await prepared.finish?.();
  }
  options.log(`settlement of ${options.settlementBets} pending bets...`);
  const settlement = await measureSettlement(stack, fixtures.bettors, options.settlementBets);
  for (const id of settlement.users) users.add(id);
  markets.add(settlement.marketId);
  measured.push({
    name: "settlement",
    samples: spread(settlement.touches, options.settlementBets),
  });
  measured.push({
    name: consumerOf("settlement"),
    samples: spread(settlement.derived, options.settlementBets),
  });
  return {
    operations: measured,
    ids: { users: [...users], markets: [...markets], clientIps: ["127.0.0.1"] },
    settlementBets: options.settlementBets,
  };
}

/**
 * `total` touches of `count` requests as `count` samples of equal share (each
 * touch scaled by 1/count into the first sample; the rest empty), so the model's
 * per-request units come out as total / count.
 */
function spread(touches: KeyTouch[], count: number): KeyTouch[][] {
  return [touches, ...Array.from({ length: Math.max(0, count - 1) }, () => [])];
}

/** A market with `bets` pending bets, resolved by an admin; every request of its settlement. */
async function measureSettlement(
  stack: BenchStack,
  bettors: { userId: string; token: string }[],
  bets: number,
) {
  const market = await createMarket(stack.ctx, {
    title: "Capacity: the market whose settlement is measured",
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.5,
    thatOdds: 0.5,
    expiresAt: "2099-01-01T00:00:00Z",
  });
  for (let index = 0; index < bets; index++) {
    const bettor = bettors[index % bettors.length] as (typeof bettors)[number];
    const response = await fetch(`${stack.origin}/api/v1/bets`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bettor.token}` },
      body: JSON.stringify({
        marketId: market.marketId,
        amount: 10,
        side: index % 2 ? "this" : "that",
      }),
    });
    if (!response.ok)
      throw new Error(`settlement bet: ${response.status} ${await response.text()}`);
  }
  const adminId = `capacity-admin-${Date.now().toString(36)}`;
  await openAccount(stack.ctx, { userId: adminId, role: "admin" });
  const token = await issueAccessToken(
    stack.keys,
    { userId: adminId, role: "admin" },
    new Date(),
    600,
  );
  const seen = await streamPosition(stack);
  const calls = await stack.meter.price(async () => {
    const response = await fetch(
      `${stack.origin}/api/v1/admin/markets/${market.marketId}/resolve`,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ resolution: "this" }),
      },
    );
    if (!response.ok) throw new Error(`resolve: ${response.status} ${await response.text()}`);
    await stack.settlement.idle();
  });
  return {
    marketId: market.marketId,
    users: [adminId, ...bettors.map((bettor) => bettor.userId)],
    touches: touchesOf(calls),
    derived: await consumerTouches(stack, seen),
  };
}

/** The name under which the stream consumer's share of an operation is modelled. */
export const consumerOf = (operation: string) => `${operation}: stream consumer`;

/** The sequence numbers of the stream's records so far. */
async function streamPosition(stack: BenchStack): Promise<Set<string>> {
  const records = await streamRecords(stack.ctx);
  return new Set(records.map((record) => record.dynamodb?.SequenceNumber ?? ""));
}

/** What the stream consumer writes and reads, priced, for the records since `seen`. */
async function consumerTouches(stack: BenchStack, seen: Set<string>): Promise<KeyTouch[]> {
  const fresh = (await streamRecords(stack.ctx)).filter(
    (record) => !seen.has(record.dynamodb?.SequenceNumber ?? ""),
  );
  const calls = await stack.meter.price(async () => {
    await consumeRecords(stack.ctx, fresh);
  });
  return touchesOf(calls);
}
