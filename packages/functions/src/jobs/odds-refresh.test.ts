import { watchOdds } from "@market/core/markets";
import { createDemoGammaClient } from "@market/core/polymarket";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../test-support/app";
import { bearer, registerUser } from "../test-support/users";
import { oddsRefreshTwice, runMarketSync } from "./markets";

let setup: Awaited<ReturnType<typeof createTestApp>>;

// The demo catalogue's sync takes 6 s alone and passed 60 s beside the suite's
// heaviest files on two cores: give it the time such a start needs.
beforeAll(async () => {
  setup = await createTestApp({ stream: true });
  await runMarketSync(setup.core, setup.deps.services);
}, 180_000);

describe("a bet on a mirrored market", () => {
  it("puts the market on the odds refresh's watch list", async () => {
    const bettor = await registerUser(setup.app);
    const watched = async () =>
      (await serviceFor(setup.db).entities.oddsWatch.get({ marketId: "pm_990000103" }).go()).data;
    expect(await watched()).toBeNull();

    const response = await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        { marketId: "pm_990000103", side: "this", amount: 20 },
        bearer(bettor.accessToken),
      ),
    );

    expect(response.status).toBe(201);
    // The stream consumer puts it there, off the bet's request path.
    await setup.drainDerived();
    expect(await watched()).toMatchObject({ externalId: "990000103" });
  });
});

describe("oddsRefreshTwice (the 1-minute schedule's run)", () => {
  it("refreshes the watched markets twice, the second pass 30 s after the first began", async () => {
    await watchOdds(setup.core, "pm_990000101");
    const demo = createDemoGammaClient();
    const asked: string[][] = [];
    const services = {
      ...setup.deps.services,
      gamma: {
        ...demo,
        listMarkets: (query: Parameters<typeof demo.listMarkets>[0]) => {
          asked.push([...(query.ids ?? [])]);
          return demo.listMarkets(query);
        },
      },
    };
    const waits: number[] = [];

    const result = await oddsRefreshTwice(setup.core, services, async (ms) => {
      waits.push(ms);
    });

    expect(result).toEqual({ passes: 2, failed: 0 });
    expect(asked).toHaveLength(2);
    for (const ids of asked) expect(ids).toContain("990000101");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(waits[0]).toBeLessThanOrEqual(30_000);
  });

  it("runs the second pass even when the first fails", async () => {
    await watchOdds(setup.core, "pm_990000102");
    let calls = 0;
    const services = {
      ...setup.deps.services,
      gamma: {
        ...setup.deps.services.gamma,
        listMarkets: async () => {
          calls += 1;
          if (calls === 1) throw new Error("Gamma is down");
          return [];
        },
      },
    };

    const result = await oddsRefreshTwice(setup.core, services, async () => {});

    expect(result).toEqual({ passes: 2, failed: 1 });
    expect(calls).toBe(2);
  });
});
