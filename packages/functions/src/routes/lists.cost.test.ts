import type { MarketItem } from "@market/core/entities";
import { beforeAll, describe, expect, it } from "vitest";
import { type DynamoMeter, meterDynamo } from "../../../../scripts/bench/db-calls";
import { markUserLedgerSeeded } from "../../../../scripts/test/reconcile-tables";
import { createTestApp } from "../test-support/app";
import { seedCatalogue, seedHistory } from "../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../test-support/users";

/**
 * What each list costs on a realistic table: 3,000 open markets (with their
 * search tokens), and a user with 500 bets, 500 more ledger entries and 100
 * sessions. A list may read at most twice the items it returns, whatever the
 * size of the table: items read are counted from DynamoDB's own answers
 * (`ScannedCount`, each get) through the SDK's middleware.
 */

let setup: Awaited<ReturnType<typeof createTestApp>>;
let meter: DynamoMeter;
let bob: SignedInUser;

beforeAll(async () => {
  setup = await createTestApp();
  bob = await registerUser(setup.app);
  const started = performance.now();
  const catalogue = await seedCatalogue(setup.core, 3_000);
  await seedHistory(setup.core, bob.user.id, catalogue[0] as MarketItem, {
    bets: 500,
    entries: 500,
    sessions: 100,
  });
  await markUserLedgerSeeded(
    setup.db,
    bob.user.id,
    "a read fixture: bets and entries written straight to the table, not through the ledger",
  );
  console.log(
    `seeded 3,000 markets and a 500-bet history in ${Math.round(performance.now() - started)} ms`,
  );
  meter = meterDynamo(setup.db);
}, 120_000);

const lists: [string, boolean][] = [
  ["/markets", false],
  ["/markets?sort=liquidity", false],
  ["/markets?sort=expires_soon", false],
  ["/markets?category=crypto", false],
  ["/markets?category=crypto&sort=liquidity", false],
  ["/markets?category=crypto&sort=expires_soon", false],
  ["/markets?limit=100", false],
  ["/markets?q=bitcoin", false],
  ["/markets?q=market", false],
  ["/bets/me", true],
  ["/bets/me?status=won", true],
  ["/transactions/me", true],
  ["/transactions/me?type=bet_refund", true],
  ["/predictions/sessions", true],
];

describe("the read cost of a list page on 3,000 markets", () => {
  it.each(lists)("%s reads at most twice the items it returns", async (path, signedIn) => {
    meter.reset();
    const response = await setup.app.request(
      `/api/v1${path}`,
      signedIn ? { headers: bearer(bob.accessToken) } : {},
    );
    const body = (await response.json()) as Record<string, unknown>;
    const items = Object.values(body).find(Array.isArray) as unknown[];
    const read = meter.itemsRead();
    console.log(
      `${path}: returned ${items.length}, read ${read} items, ` +
        `${meter.readUnits()} read units in ${meter.total()} requests`,
    );

    expect(response.status).toBe(200);
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(read).toBeLessThanOrEqual(2 * items.length);
  });

  it.each(lists)(
    "%s asks DynamoDB at most twice, once its process is warm",
    async (path, signedIn) => {
      const get = () =>
        setup.app.request(`/api/v1${path}`, signedIn ? { headers: bearer(bob.accessToken) } : {});
      // The first request of a process reads the token's state and the list's total.
      expect((await get()).status).toBe(200);
      meter.reset();

      expect((await get()).status).toBe(200);

      console.log(`${path}: ${JSON.stringify(meter.snapshot())}`);
      expect(meter.total()).toBeLessThanOrEqual(2);
      expect(meter.writeUnits()).toBe(0);
    },
  );

  it("reads as much on 30 markets as on 3,000, in about the same time", async () => {
    const small = await createTestApp();
    await seedCatalogue(small.core, 30);
    const smallMeter = meterDynamo(small.db);
    const measure = async (app: typeof setup.app, path: string, of: DynamoMeter) => {
      const times: number[] = [];
      let read = 0;
      for (let run = 0; run < 9; run++) {
        of.reset();
        const started = performance.now();
        expect((await app.request(`/api/v1${path}`)).status).toBe(200);
        times.push(performance.now() - started);
        read = of.itemsRead();
      }
      return { read, medianMs: Math.round(times.sort((a, b) => a - b)[4] as number) };
    };
    for (const path of ["/markets", "/markets?sort=expires_soon", "/markets?q=bitcoin"]) {
      const few = await measure(small.app, path, smallMeter);
      const many = await measure(setup.app, path, meter);
      console.log(
        `${path}: 30 markets ${JSON.stringify(few)}, 3,000 markets ${JSON.stringify(many)}`,
      );
      // 30 markets hold only 4 bitcoin ones: that search reads less there.
      if (path.includes("q=")) expect(many.read).toBeLessThanOrEqual(40);
      else expect(many.read).toBe(few.read);
    }
  });

  it("reads an offset's skipped items without fetching them, and no more", async () => {
    meter.reset();
    const response = await setup.app.request("/api/v1/markets?limit=20&offset=1000");
    const body = (await response.json()) as { markets: unknown[]; offset: number };

    expect(body).toMatchObject({ offset: 1000 });
    expect(body.markets).toHaveLength(20);
    // 1,000 counted (Select COUNT), the page and its one-more, its filter's margin, the counter.
    expect(meter.itemsRead()).toBeLessThanOrEqual(1_000 + 2 * 20);
  });
});
