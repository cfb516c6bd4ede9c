import { describe, expect, it } from "vitest";
import { jsonRequest } from "../../test-support/app";
import {
  anAppWithAnAdminBeforeAll,
  bearer,
  createMarketAsAdmin,
  registerUser,
  type SignedInUser,
} from "../../test-support/users";

/**
 * The inbox over HTTP (issue 25): notifications come from the stream consumer,
 * one per event however often the stream delivers it.
 */
const given = anAppWithAnAdminBeforeAll({}, { stream: true });

interface InboxBody {
  notifications: {
    id: string;
    kind: string;
    betId: string | null;
    marketId: string | null;
    amount: number | null;
    read: boolean;
    body: string;
  }[];
  unread: number;
  nextCursor: string | null;
  dailyRewardReady: boolean;
}

const inbox = async (session: SignedInUser, query = "") => {
  const response = await given.setup.app.request(`/api/v1/notifications${query}`, {
    headers: bearer(session.accessToken),
  });
  return { status: response.status, body: (await response.json()) as InboxBody };
};
const markRead = (session: SignedInUser, body: unknown) =>
  given.setup.app.request(
    "/api/v1/notifications/read",
    jsonRequest("POST", body, bearer(session.accessToken)),
  );

async function aSettledMarket(bettors: [SignedInUser, "this" | "that"][]) {
  const created = await createMarketAsAdmin(given.setup.app, given.admin, {
    title: `Will the notification test pass ${Math.random()}?`,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const { id: marketId } = (await created.json()) as { id: string };
  const betIds: string[] = [];
  for (const [session, side] of bettors) {
    const placed = await given.setup.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, amount: 100, side }, bearer(session.accessToken)),
    );
    expect(placed.status).toBe(201);
    betIds.push(((await placed.json()) as { bet: { id: string } }).bet.id);
  }
  await given.setup.app.request(
    `/api/v1/admin/markets/${marketId}/resolve`,
    jsonRequest("POST", { resolution: "this" }, bearer(given.admin.accessToken)),
  );
  await Promise.all(given.setup.settlements);
  return { marketId, betIds };
}

describe("GET /notifications", () => {
  it("gives each bettor of a settlement one notification, and a replayed stream batch none", async () => {
    const [winner, loser] = await Promise.all([
      registerUser(given.setup.app),
      registerUser(given.setup.app),
    ]);
    const { marketId, betIds } = await aSettledMarket([
      [winner, "this"],
      [loser, "that"],
    ]);
    await given.setup.drainDerived();
    const before = [await inbox(winner), await inbox(loser)];
    const replay = await given.setup.redeliverStream();
    const after = [await inbox(winner), await inbox(loser)];

    expect(replay.applied).toBe(0);
    expect(after).toEqual(before);
    const [won, lost] = after.map((answer) => answer.body) as [InboxBody, InboxBody];
    expect(won.notifications).toMatchObject([
      { kind: "bet_won", betId: betIds[0], marketId, amount: 200, read: false },
    ]);
    expect(lost.notifications).toMatchObject([
      { kind: "bet_lost", betId: betIds[1], marketId, amount: null },
    ]);
    expect([won.unread, lost.unread]).toEqual([1, 1]);
    expect(won.dailyRewardReady).toBe(true);
  });

  it("pages newest first with the list cursor, and refuses a bad limit naming it", async () => {
    const user = await registerUser(given.setup.app);
    for (const reason of ["First gift", "Second gift"]) {
      const granted = await given.setup.app.request(
        "/api/v1/admin/credits",
        jsonRequest(
          "POST",
          { userId: user.user.id, type: "admin_grant", amount: 5, reason },
          bearer(given.admin.accessToken),
        ),
      );
      expect(granted.status).toBe(201);
    }
    await given.setup.drainDerived();

    const first = await inbox(user, "?limit=1");
    const second = await inbox(user, `?limit=1&cursor=${first.body.nextCursor}`);
    const bad = await given.setup.app.request("/api/v1/notifications?limit=0", {
      headers: bearer(user.accessToken),
    });

    expect(first.body.notifications.map((n) => n.body)).toEqual([
      "+5 credits by an admin: Second gift",
    ]);
    expect(second.body.notifications.map((n) => n.body)).toEqual([
      "+5 credits by an admin: First gift",
    ]);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.unread).toBe(2);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      details: { fields: { "query.limit": expect.any(String) } },
    });
  });
});

describe("POST /notifications/read", () => {
  it("marks the ids given, then all, and the unread count follows exactly", async () => {
    const user = await registerUser(given.setup.app);
    await aSettledMarket([
      [user, "this"],
      [user, "that"],
      [user, "this"],
    ]);
    await given.setup.drainDerived();
    const ids = (await inbox(user)).body.notifications.map((n) => n.id);
    expect(ids).toHaveLength(3);

    const one = await markRead(user, { ids: [ids[0]] });
    const again = await markRead(user, { ids: [ids[0]] });
    const stranger = await registerUser(given.setup.app);
    const notMine = await markRead(stranger, { ids: [ids[1]] });

    expect(await one.json()).toEqual({ marked: 1, unread: 2 });
    expect(await again.json()).toEqual({ marked: 0, unread: 2 });
    expect(await notMine.json()).toEqual({ marked: 0, unread: 0 });
    expect((await inbox(user)).body.notifications.map((n) => n.read)).toEqual([true, false, false]);

    expect(await (await markRead(user, { all: true })).json()).toEqual({ marked: 2, unread: 0 });
    expect((await inbox(user)).body.unread).toBe(0);
  });

  it.each([
    ["nothing", {}, "body.ids"],
    ["both ids and all", { ids: ["x"], all: true }, "body.ids"],
    ["an empty list", { ids: [] }, "body.ids"],
    ["all: false", { all: false }, "body.all"],
    ["an unknown field", { ids: ["x"], everything: true }, "body.everything"],
  ])("refuses %s with 400 naming the field", async (_label, body, field) => {
    const user = await registerUser(given.setup.app);
    const response = await markRead(user, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { details?: { fields?: Record<string, string> } };
    expect(answer).toMatchObject({ code: "VALIDATION_ERROR" });
    expect(Object.keys(answer.details?.fields ?? {})).toContain(field);
  });

  it("needs a signed-in user", async () => {
    const response = await given.setup.app.request(
      "/api/v1/notifications/read",
      jsonRequest("POST", { all: true }),
    );
    expect(response.status).toBe(401);
  });
});
