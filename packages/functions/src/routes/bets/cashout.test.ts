import { settleMarketPage } from "@market/core/bets";
import { reconcile, reconcileAll } from "@market/core/ledger";
import { resolveMarket, saveMarket } from "@market/core/markets";
import { syncMarkets } from "@market/core/polymarket";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aMarket, anOpenMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
/** The app's clock: tests move it forward to expire quotes and age odds. */
let now = Date.parse("2026-06-01T12:00:00Z");

beforeAll(async () => {
  setup = await createTestApp({ clock: () => new Date(now) });
});

const later = (seconds: number) => {
  now += seconds * 1000;
};

async function betOn(session: SignedInUser, marketId: string, amount = 100, side = "this") {
  const response = await setup.app.request(
    "/api/v1/bets",
    jsonRequest("POST", { marketId, side, amount }, bearer(session.accessToken)),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { bet: { id: string } }).bet.id;
}

const quote = (session: SignedInUser, betId: string) =>
  setup.app.request(`/api/v1/bets/${betId}/cashout`, { headers: bearer(session.accessToken) });

const cashOut = (session: SignedInUser, betId: string, quoteId: string) =>
  setup.app.request(
    `/api/v1/bets/${betId}/cashout`,
    jsonRequest("POST", { quoteId }, bearer(session.accessToken)),
  );

async function quoteId(session: SignedInUser, betId: string): Promise<string> {
  const response = await quote(session, betId);
  expect(response.status).toBe(200);
  return ((await response.json()) as { quoteId: string }).quoteId;
}

/** Moves a credits market's odds the way an admin edit or a sync would. */
async function moveOdds(marketId: string, thisOdds: number) {
  await saveMarket(setup.core, marketId, "credits", aMarket({ thisOdds }));
}

async function betItem(betId: string) {
  return (await serviceFor(setup.db).entities.bet.get({ betId }).go({ consistent: true })).data;
}

describe("position value", () => {
  it("shows a pending bet's current value and unrealized PnL at today's odds", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.8 });
    const betId = await betOn(alice, marketId); // pays 125 if it wins
    await moveOdds(marketId, 0.6);

    const one = await setup.app.request(`/api/v1/bets/${betId}`, {
      headers: bearer(alice.accessToken),
    });
    const list = await setup.app.request("/api/v1/bets/me", { headers: bearer(alice.accessToken) });

    expect(await one.json()).toMatchObject({ currentValue: 75, unrealizedPnL: -25 });
    expect(await list.json()).toMatchObject({
      bets: [{ id: betId, currentValue: 75, unrealizedPnL: -25, cashoutAmount: null }],
    });
  });
});

describe("cash-out", () => {
  it("quotes the value less the fee and credits exactly that in one transaction", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.8 });
    const betId = await betOn(alice, marketId);
    await moveOdds(marketId, 0.6);

    const quoted = await quote(alice, betId);
    const body = (await quoted.json()) as { quoteId: string; amount: number };
    expect(body).toMatchObject({ amount: 71.25, odds: 0.6, value: 75, fee: 0.05, pnl: -28.75 });

    const response = await cashOut(alice, betId, body.quoteId);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      bet: { id: betId, status: "cashed_out", cashoutAmount: 71.25, actualPayout: 71.25 },
      credited: 71.25,
      newBalance: 971.25,
    });
    const { data: user } = await serviceFor(setup.db)
      .entities.user.get({ userId: alice.user.id })
      .go({ consistent: true });
    expect(user).toMatchObject({ pnl: -28.75, bets_pending: 0, bets_cashed_out: 1 });
    expect(await reconcile(setup.core, alice.user.id)).toMatchObject({
      consistent: true,
      balance: 971.25,
      entries: 3,
    });
  });

  it("answers a replayed request with the first result and pays once", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
    const betId = await betOn(alice, marketId);
    const id = await quoteId(alice, betId);

    const first = await cashOut(alice, betId, id);
    const again = await cashOut(alice, betId, id);

    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await reconcile(setup.core, alice.user.id)).toMatchObject({
      consistent: true,
      balance: 995, // 1000 − 100 + 200 × 0.5 × 0.95
      entries: 3,
    });
  });

  it("lets exactly one of two concurrent cash-outs of a bet win", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
    const betId = await betOn(alice, marketId);
    const [a, b] = [await quoteId(alice, betId), await quoteId(alice, betId)];
    // Quotes taken in the same millisecond are the same token: make the second one differ.
    later(1);
    const c = await quoteId(alice, betId);

    const responses = await Promise.all([cashOut(alice, betId, a), cashOut(alice, betId, c)]);

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409);
    expect(await refused?.json()).toMatchObject({ code: "BET_NOT_PENDING" });
    expect(b).toBe(a);
    expect(await reconcile(setup.core, alice.user.id)).toMatchObject({
      consistent: true,
      balance: 995,
      entries: 3,
    });
  });

  it("races the market's settlement: exactly one of them pays the bet", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
    const betId = await betOn(alice, marketId);
    const id = await quoteId(alice, betId);

    const [response] = await Promise.all([
      cashOut(alice, betId, id),
      (async () => {
        await resolveMarket(setup.core, marketId, "this");
        await settleMarketPage(setup.core, marketId);
      })(),
    ]);
    await settleMarketPage(setup.core, marketId);

    const bet = await betItem(betId);
    const report = await reconcile(setup.core, alice.user.id);
    expect(report.consistent).toBe(true);
    expect(report.entries).toBe(3); // signup, bet, and one credit: a payout or a cash-out
    if (response.status === 200) {
      expect(bet?.status).toBe("cashed_out");
      expect(report.balance).toBe(995);
    } else {
      expect(response.status).toBe(409);
      expect(bet?.status).toBe("won");
      expect(report.balance).toBe(1100);
    }
    // Settled again after the race: nothing more for this bet.
    expect((await settleMarketPage(setup.core, marketId)).settled).toBe(0);
  });

  it("is never paid again by a later settlement", async () => {
    const alice = await registerUser(setup.app);
    const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
    const betId = await betOn(alice, marketId);
    expect((await cashOut(alice, betId, await quoteId(alice, betId))).status).toBe(200);

    await resolveMarket(setup.core, marketId, "this");
    const settled = await settleMarketPage(setup.core, marketId);

    expect(settled.settled).toBe(0);
    expect(await reconcile(setup.core, alice.user.id)).toMatchObject({
      balance: 995,
      entries: 3,
    });
  });

  describe("refusals change nothing", () => {
    it("refuses a closed market with 409 MARKET_CLOSED", async () => {
      const alice = await registerUser(setup.app);
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId);
      const id = await quoteId(alice, betId);
      await resolveMarket(setup.core, marketId, "that");

      for (const response of [await quote(alice, betId), await cashOut(alice, betId, id)]) {
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({ code: "MARKET_CLOSED" });
      }
      expect((await betItem(betId))?.status).toBe("pending");
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 900 });
    });

    it("refuses a settled bet with 409 BET_NOT_PENDING", async () => {
      const alice = await registerUser(setup.app);
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId);
      const id = await quoteId(alice, betId);
      await resolveMarket(setup.core, marketId, "that");
      await settleMarketPage(setup.core, marketId);

      for (const response of [await quote(alice, betId), await cashOut(alice, betId, id)]) {
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({ code: "BET_NOT_PENDING" });
      }
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 900 });
    });

    it("answers someone else's bet with 404, and a forged quote with 400", async () => {
      const [alice, bob] = [await registerUser(setup.app), await registerUser(setup.app)];
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId);
      const id = await quoteId(alice, betId);

      const quoted = await quote(bob, betId);
      const cashed = await cashOut(bob, betId, id);
      const forged = await cashOut(alice, betId, `${id.slice(0, -2)}xx`);

      expect(quoted.status).toBe(404);
      expect(await quoted.json()).toMatchObject({ code: "BET_NOT_FOUND" });
      expect(cashed.status).toBe(404);
      expect(await cashed.json()).toMatchObject({ code: "BET_NOT_FOUND" });
      expect(forged.status).toBe(400);
      expect(await forged.json()).toMatchObject({
        details: { fields: { quoteId: expect.any(String) } },
      });
      expect((await betItem(betId))?.status).toBe("pending");
    });

    it("refuses to quote a position worth less than a cent after the fee with 409 NOTHING_TO_CASH_OUT", async () => {
      const alice = await registerUser(setup.app);
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId, 10); // pays 20 if it wins
      const id = await quoteId(alice, betId);
      // Worth 0.01 now, 0 after the 5% fee.
      await saveMarket(
        setup.core,
        marketId,
        "credits",
        aMarket({ thisOdds: 0.0004, thatOdds: 0.9996 }),
      );

      const quoted = await quote(alice, betId);
      const cashed = await cashOut(alice, betId, id);

      expect(quoted.status).toBe(409);
      expect(await quoted.json()).toMatchObject({
        code: "NOTHING_TO_CASH_OUT",
        details: { betId, value: 0.01, fee: 0.05 },
      });
      // An earlier quote meets the moved odds: no fresh quote of nothing, the same refusal.
      expect(cashed.status).toBe(409);
      expect(await cashed.json()).toMatchObject({ code: "NOTHING_TO_CASH_OUT" });
      expect((await betItem(betId))?.status).toBe("pending");
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 990 });
    });

    it("refuses an expired quote with 409 QUOTE_EXPIRED and a fresh quote", async () => {
      const alice = await registerUser(setup.app);
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId);
      const id = await quoteId(alice, betId);
      later(16);

      const response = await cashOut(alice, betId, id);

      expect(response.status).toBe(409);
      const body = (await response.json()) as {
        code: string;
        details: { quote: { quoteId: string } };
      };
      expect(body).toMatchObject({ code: "QUOTE_EXPIRED", details: { quote: { amount: 95 } } });
      expect((await betItem(betId))?.status).toBe("pending");
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 900 });
      // The fresh quote is good.
      expect((await cashOut(alice, betId, body.details.quote.quoteId)).status).toBe(200);
    });

    it("refuses a quote whose odds moved with 409 QUOTE_EXPIRED", async () => {
      const alice = await registerUser(setup.app);
      const marketId = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const betId = await betOn(alice, marketId);
      const id = await quoteId(alice, betId);
      await moveOdds(marketId, 0.7);

      const response = await cashOut(alice, betId, id);

      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({
        code: "QUOTE_EXPIRED",
        details: { quote: { odds: 0.7, amount: 133 } }, // 200 × 0.7 × 0.95
      });
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 900 });
    });

    it("refuses a mirrored market's odds older than 600 s with 409 ODDS_STALE, never an admin's", async () => {
      const alice = await registerUser(setup.app);
      const mirrored = `pm_${crypto.randomUUID()}`;
      await saveMarket(setup.core, mirrored, "polymarket", aMarket({ thisOdds: 0.5 }));
      const admins = await anOpenMarket(setup.core, { thisOdds: 0.5 });
      const onMirror = await betOn(alice, mirrored);
      const onAdmin = await betOn(alice, admins);
      const id = await quoteId(alice, onMirror);
      later(601);

      const quoted = await quote(alice, onMirror);
      const cashed = await cashOut(alice, onMirror, id);

      expect(quoted.status).toBe(409);
      expect(await quoted.json()).toMatchObject({ code: "ODDS_STALE" });
      expect(cashed.status).toBe(409);
      expect(await cashed.json()).toMatchObject({ code: "ODDS_STALE" });
      expect((await quote(alice, onAdmin)).status).toBe(200);
      expect(await reconcile(setup.core, alice.user.id)).toMatchObject({ balance: 800 });
    });

    it("takes a quiet mirrored market's odds as confirmed by the sync's last finished run", async () => {
      const synced = await createTestApp({ clock: () => new Date(now) });
      const gamma = synced.deps.services.gamma;
      await syncMarkets(synced.core, gamma);
      const alice = await registerUser(synced.app);
      const listed = (await (await synced.app.request("/api/v1/markets?limit=1")).json()) as {
        markets: { id: string }[];
      };
      const marketId = listed.markets[0]?.id as string;
      expect(marketId).toMatch(/^pm_/);
      const placed = await synced.app.request(
        "/api/v1/bets",
        jsonRequest("POST", { marketId, side: "this", amount: 10 }, bearer(alice.accessToken)),
      );
      const betId = ((await placed.json()) as { bet: { id: string } }).bet.id;
      const quoteOf = () =>
        synced.app.request(`/api/v1/bets/${betId}/cashout`, { headers: bearer(alice.accessToken) });
      later(601);
      expect((await quoteOf()).status).toBe(409);

      // The sync runs again and finds the market unchanged: nothing about it is written.
      await syncMarkets(synced.core, gamma);

      expect((await quoteOf()).status).toBe(200);
    });

    it("credits up to the balance cap and forfeits the rest, as a payout does", async () => {
      const capped = await createTestApp({
        clock: () => new Date(now),
        env: { BALANCE_CAP: "1000" },
      });
      const alice = await registerUser(capped.app);
      const marketId = await anOpenMarket(capped.core, { thisOdds: 0.2 });
      await capped.app.request(
        "/api/v1/bets",
        jsonRequest("POST", { marketId, side: "this", amount: 100 }, bearer(alice.accessToken)),
      );
      const bets = (await (
        await capped.app.request("/api/v1/bets/me", { headers: bearer(alice.accessToken) })
      ).json()) as { bets: { id: string }[] };
      const betId = bets.bets[0]?.id as string;
      await saveMarket(capped.core, marketId, "credits", aMarket({ thisOdds: 0.9 }));
      const q = (await (
        await capped.app.request(`/api/v1/bets/${betId}/cashout`, {
          headers: bearer(alice.accessToken),
        })
      ).json()) as { quoteId: string; amount: number };
      expect(q.amount).toBe(427.5); // 500 × 0.9 × 0.95

      const response = await capped.app.request(
        `/api/v1/bets/${betId}/cashout`,
        jsonRequest("POST", { quoteId: q.quoteId }, bearer(alice.accessToken)),
      );

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ credited: 100, newBalance: 1000 });
    });
  });

  it("counts quotes and cash-outs in the bet rate limit", async () => {
    const limited = await createTestApp({
      clock: () => new Date(now),
      env: { BETS_PER_USER_PER_MINUTE: "3" },
    });
    const alice = await registerUser(limited.app);
    const marketId = await anOpenMarket(limited.core, { thisOdds: 0.5 });
    const place = async () =>
      (
        (await (
          await limited.app.request(
            "/api/v1/bets",
            jsonRequest("POST", { marketId, side: "this", amount: 10 }, bearer(alice.accessToken)),
          )
        ).json()) as { bet: { id: string } }
      ).bet.id;
    const [first, second] = [await place(), await place()];
    const quoteOf = (betId: string) =>
      limited.app.request(`/api/v1/bets/${betId}/cashout`, { headers: bearer(alice.accessToken) });

    const quoted = (await (await quoteOf(first)).json()) as { quoteId: string };
    const cashed = await limited.app.request(
      `/api/v1/bets/${first}/cashout`,
      jsonRequest("POST", { quoteId: quoted.quoteId }, bearer(alice.accessToken)),
    );
    const refused = await quoteOf(second);

    expect(cashed.status).toBe(200); // the third hit of the window
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "RATE_LIMIT_EXCEEDED" });
  });

  it("keeps the whole-table reconcile at zero differences", async () => {
    const report = await reconcileAll(setup.core);

    expect(report.differences).toEqual([]);
  });
});
