import { createMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import {
  bearer,
  registerAdmin,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;
let players: SignedInUser[];

interface Board {
  leaderboard: {
    rank: number;
    user: { id: string; username: string };
    overallPnL: number;
    totalVolume: number;
  }[];
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}

const get = async (path: string, token?: string) => {
  const response = await setup.app.request(
    `/api/v1${path}`,
    token ? { headers: bearer(token) } : {},
  );
  return { status: response.status, body: (await response.json()) as Board & { code?: string } };
};

beforeAll(async () => {
  const adminName = uniqueName("admin");
  setup = await createTestApp({
    env: { ADMIN_EMAILS: `${adminName}@example.com` },
    stream: true,
  });
  admin = await registerAdmin(setup.app, setup.outbox, { username: adminName });
  // Five players; the last one never bets.
  players = [];
  for (const name of ["carol", "alice", "bob", "dave", "erin"]) {
    players.push(await registerUser(setup.app, { username: uniqueName(name) }));
  }
  const market = await createMarket(setup.core, aNewMarket({ title: "Will it snow?" }));
  const bets: [number, number, "this" | "that"][] = [
    [0, 100, "this"], // +100
    [1, 100, "this"], // +100
    [2, 50, "that"], // -50
    [3, 10, "this"], // +10
  ];
  for (const [player, amount, side] of bets) {
    const response = await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        { marketId: market.marketId, amount, side },
        bearer((players[player] as SignedInUser).accessToken),
      ),
    );
    expect(response.status).toBe(201);
  }
  const resolved = await setup.app.request(
    `/api/v1/admin/markets/${market.marketId}/resolve`,
    jsonRequest("POST", { resolution: "this" }, bearer(admin.accessToken)),
  );
  expect(resolved.status).toBe(200);
  // The settlement workflow runs the ranking job when it finishes.
  await Promise.all(setup.settlements);
}, 60_000);

const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

describe("GET /leaderboard/pnl and /volume", () => {
  it("ranks by realised PnL with shared ranks for ties, username order within a tie", async () => {
    const { status, body } = await get("/leaderboard/pnl");
    const [carol, alice, bob, dave] = players as [
      SignedInUser,
      SignedInUser,
      SignedInUser,
      SignedInUser,
    ];

    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 4, limit: 100, offset: 0, nextCursor: null });
    expect(body.leaderboard.map((row) => [row.rank, row.user.username])).toEqual([
      [1, sorted([alice.user.username, carol.user.username])[0]],
      [1, sorted([alice.user.username, carol.user.username])[1]],
      [3, dave.user.username],
      [4, bob.user.username],
    ]);
    expect(body.leaderboard[0]).toEqual({
      rank: 1,
      user: { id: alice.user.id, username: alice.user.username },
      overallPnL: 100,
      totalVolume: 100,
    });
  });

  it("ranks by volume and pages with limit, offset and nextCursor", async () => {
    const first = await get("/leaderboard/volume?limit=2");
    const second = await get("/leaderboard/volume?limit=2&offset=2");
    const viaCursor = await get(
      `/leaderboard/volume?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    );

    expect(first.body.leaderboard.map((row) => row.rank)).toEqual([1, 1]);
    expect(first.body.total).toBe(4);
    expect(second.body.leaderboard.map((row) => [row.rank, row.totalVolume])).toEqual([
      [3, 50],
      [4, 10],
    ]);
    expect(second.body).toMatchObject({ offset: 2, nextCursor: null });
    expect(viaCursor.body.leaderboard).toEqual(second.body.leaderboard);
  });

  it("answers the periods: today holds the same bets, and is a separate board", async () => {
    const day = await get("/leaderboard/pnl?period=day");
    const all = await get("/leaderboard/pnl?period=all");

    expect(day.body.leaderboard).toEqual(all.body.leaderboard);
    expect((await get("/leaderboard/pnl?period=year")).status).toBe(400);
  });

  it("returns the caller's page with around=me, and 401 without a token", async () => {
    const bob = players[2] as SignedInUser;
    const mine = await get("/leaderboard/pnl?limit=2&around=me", bob.accessToken);
    const anonymous = await get("/leaderboard/pnl?around=me");

    expect(mine.body).toMatchObject({ offset: 2, limit: 2 });
    expect(mine.body.leaderboard.map((row) => row.user.id)).toContain(bob.user.id);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ["an offset beyond 10,000", "?offset=10001"],
    ["a limit above 1,000", "?limit=1001"],
    ["cursor and offset together", "?offset=0&cursor=eyJvIjoxfQ"],
    ["a cursor it did not issue", "?cursor=not-a-cursor"],
  ])("refuses %s with 400", async (_label, query) => {
    const { status, body } = await get(`/leaderboard/pnl${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe("VALIDATION_ERROR");
  });
});

describe("ranks on profiles", () => {
  it("shows both ranks once the first bet settled, and none for a user without bets", async () => {
    const [carol, , bob, , erin] = players as SignedInUser[];
    const mine = await setup.app.request("/api/v1/users/me", {
      headers: bearer((bob as SignedInUser).accessToken),
    });
    const carolPublic = await setup.app.request(`/api/v1/users/${(carol as SignedInUser).user.id}`);
    const erinPublic = await setup.app.request(`/api/v1/users/${(erin as SignedInUser).user.id}`);

    expect(await mine.json()).toMatchObject({ rankByPnL: 4, rankByVolume: 3, lowCredits: false });
    expect(await carolPublic.json()).toMatchObject({ rankByPnL: 1, rankByVolume: 1 });
    expect(await erinPublic.json()).toMatchObject({ rankByPnL: null, rankByVolume: null });
  });
});

describe("the board and the profile agree", () => {
  interface Row {
    rank: number;
    overallPnL: number;
    totalVolume: number;
  }
  interface Profile {
    totalVolume: number;
    joinedAt: string;
    record: { won: number; lost: number; open: number; cancelled: number };
    standing: { updatedAt: string | null; pending: boolean; pnl: Row | null; volume: Row | null };
  }
  const profileOf = async (userId: string) =>
    (await (await setup.app.request(`/api/v1/users/${userId}`)).json()) as Profile;
  const rowOf = async (board: "pnl" | "volume", userId: string) => {
    const { body } = await get(`/leaderboard/${board}?limit=100`);
    const row = body.leaderboard.find((entry) => entry.user.id === userId);
    return {
      updatedAt: (body as Board & { updatedAt: string | null }).updatedAt,
      row: row && { rank: row.rank, overallPnL: row.overallPnL, totalVolume: row.totalVolume },
    };
  };
  // The job ranks from what the stream consumer derived: caught up first.
  const rankNow = async () => {
    await setup.drainDerived();
    return setup.app.request("/api/v1/admin/jobs/ranking", {
      method: "POST",
      headers: bearer(admin.accessToken),
    });
  };

  it("shows the board's own rank, volume and PnL on the profile, and says when a bet is not on it yet", async () => {
    const dave = players[3] as SignedInUser;
    const before = await profileOf(dave.user.id);
    const pnl = await rowOf("pnl", dave.user.id);
    const volume = await rowOf("volume", dave.user.id);

    expect(volume.updatedAt).not.toBeNull();
    expect(before.standing).toEqual({
      updatedAt: volume.updatedAt,
      pending: false,
      pnl: pnl.row,
      volume: volume.row,
    });
    expect(before.record).toEqual({ won: 1, lost: 0, open: 0, cancelled: 0 });
    expect(Date.parse(before.joinedAt)).not.toBeNaN();

    // A new bet: the live figure moves at once, the board's at its next run.
    const market = await createMarket(setup.core, aNewMarket({ title: "Will it hail?" }));
    const bet = await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        { marketId: market.marketId, amount: 30, side: "this" },
        bearer(dave.accessToken),
      ),
    );
    expect(bet.status).toBe(201);
    await setup.drainDerived(); // the consumer marks dave for the next ranking run
    const during = await profileOf(dave.user.id);
    expect(during.totalVolume).toBe(before.totalVolume + 30);
    expect(during.standing).toMatchObject({ pending: true, volume: before.standing.volume });
    expect(during.record).toMatchObject({ won: 1, open: 1 });

    expect((await rankNow()).status).toBe(200);
    const after = await profileOf(dave.user.id);
    const board = await rowOf("volume", dave.user.id);
    expect(after.standing.pending).toBe(false);
    expect(after.standing.volume).toEqual(board.row);
    expect(board.row?.totalVolume).toBe(before.totalVolume + 30);
    expect(after.standing.updatedAt).toBe(board.updatedAt);
  });

  it("shows a user without bets on no board", async () => {
    const erin = players[4] as SignedInUser;
    expect((await profileOf(erin.user.id)).standing).toMatchObject({
      pending: false,
      pnl: null,
      volume: null,
    });
  });
});

describe("POST /admin/jobs/ranking", () => {
  it("runs the job for an admin (nothing changed: nothing written) and refuses others", async () => {
    const run = await setup.app.request("/api/v1/admin/jobs/ranking", {
      method: "POST",
      headers: bearer(admin.accessToken),
    });
    const refused = await setup.app.request("/api/v1/admin/jobs/ranking", {
      method: "POST",
      headers: bearer((players[0] as SignedInUser).accessToken),
    });

    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ changedUsers: 0, writes: 0 });
    expect(refused.status).toBe(403);
  });
});
