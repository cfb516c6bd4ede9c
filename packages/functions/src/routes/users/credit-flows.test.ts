import { postLedgerEntry } from "@market/core/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { anOpenMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

const hour = 3_600_000;
// A Wednesday of ISO week 2026-W49 (Monday 30 November).
let now = new Date("2026-12-02T10:00:00.000Z");
let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  setup = await createTestApp({
    stream: true,
    clock: () => now,
    env: { ACCESS_TOKEN_TTL_SECONDS: String(365 * 24 * 60 * 60) },
  });
});

const flowsOf = (user: SignedInUser, query = "") =>
  setup.app.request(`/api/v1/users/me/credit-flows${query}`, {
    headers: bearer(user.accessToken),
  });

interface Flows {
  weeks: {
    week: string;
    startsOn: string;
    in: number;
    out: number;
    byType: { type: string; in: number; out: number }[];
  }[];
}

/**
 * Ada and Bo sign up (1,000 each) in week 49; a day later Ada is granted 250
 * and bets 40.25; in week 50 she sends Bo 120.
 */
async function aWeekOfCredits() {
  now = new Date("2026-12-02T10:00:00.000Z");
  const ada = await registerUser(setup.app);
  const bo = await registerUser(setup.app);
  now = new Date(now.getTime() + 25 * hour);
  await postLedgerEntry(setup.core, {
    userId: ada.user.id,
    amount: 250,
    type: "admin_grant",
    reason: "a prize",
  });
  const marketId = await anOpenMarket(setup.core);
  const bet = await setup.app.request(
    "/api/v1/bets",
    jsonRequest("POST", { marketId, side: "this", amount: 40.25 }, bearer(ada.accessToken)),
  );
  expect(bet.status).toBe(201);
  now = new Date("2026-12-08T09:00:00.000Z");
  const sent = await setup.app.request(
    "/api/v1/transfers",
    jsonRequest("POST", { toUsername: bo.user.username, amount: 120 }, bearer(ada.accessToken)),
  );
  expect(sent.status).toBe(201);
  return { ada, bo };
}

describe("GET /users/me/credit-flows", () => {
  it("shows a grant, a bet and a transfer under their types in their weeks", async () => {
    const { ada, bo } = await aWeekOfCredits();
    await setup.drainDerived();

    const response = await flowsOf(ada, "?weeks=3");

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      weeks: [
        { week: "2026-W48", startsOn: "2026-11-23", in: 0, out: 0, byType: [] },
        {
          week: "2026-W49",
          startsOn: "2026-11-30",
          in: 1250,
          out: 40.25,
          byType: [
            { type: "signup_bonus", in: 1000, out: 0 },
            { type: "bet_placed", in: 0, out: 40.25 },
            { type: "admin_grant", in: 250, out: 0 },
          ],
        },
        {
          week: "2026-W50",
          startsOn: "2026-12-07",
          in: 0,
          out: 120,
          byType: [{ type: "transfer_out", in: 0, out: 120 }],
        },
      ],
    });
    const bos = (await (await flowsOf(bo, "?weeks=1")).json()) as Flows;
    expect(bos.weeks).toEqual([
      expect.objectContaining({
        week: "2026-W50",
        in: 120,
        byType: [{ type: "transfer_in", in: 120, out: 0 }],
      }),
    ]);
  });

  it("adds nothing when the stream delivers a batch again", async () => {
    const { ada } = await aWeekOfCredits();
    await setup.drainDerived();
    const before = await (await flowsOf(ada, "?weeks=2")).json();

    const again = await setup.redeliverStream();

    expect(again.applied).toBe(0);
    expect(again.skipped).toBeGreaterThan(0);
    expect(await (await flowsOf(ada, "?weeks=2")).json()).toEqual(before);
  });

  it("covers twelve weeks by default, oldest first", async () => {
    const ada = await registerUser(setup.app);

    const body = (await (await flowsOf(ada)).json()) as Flows;

    expect(body.weeks).toHaveLength(12);
    expect(body.weeks.at(-1)?.week).toBe("2026-W50");
    expect(body.weeks[0]?.week).toBe("2026-W39");
  });

  it.each([["0"], ["27"], ["1.5"], ["many"]])(
    "refuses weeks=%s with a 400 naming it",
    async (weeks) => {
      const ada = await registerUser(setup.app);

      const response = await flowsOf(ada, `?weeks=${weeks}`);

      expect(response.status).toBe(400);
      const error = (await response.json()) as { details: { fields: Record<string, string> } };
      expect(Object.keys(error.details.fields)).toEqual(["query.weeks"]);
    },
  );

  it("is for signed-in users only", async () => {
    const response = await setup.app.request("/api/v1/users/me/credit-flows");
    expect(response.status).toBe(401);
  });
});
