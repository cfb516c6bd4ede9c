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
 * `PUT /users/me/preferences` (issue 25): payout emails are off until the user
 * turns them on, and then a won bet sends one through the app's sender.
 */
const given = anAppWithAnAdminBeforeAll({}, { stream: true });

const putPreferences = (session: SignedInUser, body: unknown) =>
  given.setup.app.request(
    "/api/v1/users/me/preferences",
    jsonRequest("PUT", body, bearer(session.accessToken)),
  );
const me = async (session: SignedInUser) =>
  (await (
    await given.setup.app.request("/api/v1/users/me", { headers: bearer(session.accessToken) })
  ).json()) as { emailPayouts: boolean };
/** The payout emails the outbox holds for a user (registration also sent a verification link). */
const payoutEmailsTo = async (session: SignedInUser) =>
  (await given.setup.outbox.list(500)).filter(
    (email) => email.to === session.user.email && email.subject.startsWith("Your bet won"),
  );

describe("PUT /users/me/preferences", () => {
  it("is off by default, and turns payout emails on and off", async () => {
    const session = await registerUser(given.setup.app);
    expect(await me(session)).toMatchObject({ emailPayouts: false });

    const on = await putPreferences(session, { emailPayouts: true });
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ user: { id: session.user.id, emailPayouts: true } });
    expect(await me(session)).toMatchObject({ emailPayouts: true });

    const off = await putPreferences(session, { emailPayouts: false });
    expect(await off.json()).toMatchObject({ user: { emailPayouts: false } });
    expect(await me(session)).toMatchObject({ emailPayouts: false });
  });

  it.each([
    ["a string", { emailPayouts: "yes" }, "body.emailPayouts"],
    ["nothing", {}, "body.emailPayouts"],
    ["null", { emailPayouts: null }, "body.emailPayouts"],
    ["another field", { emailPayouts: true, creditBalance: 5 }, "body.creditBalance"],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_, body, field) => {
    const session = await registerUser(given.setup.app);

    const response = await putPreferences(session, body);

    expect(response.status).toBe(400);
    const error = (await response.json()) as {
      code: string;
      details: { fields: Record<string, string> };
    };
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(error.details.fields)).toContain(field);
    expect(await me(session)).toMatchObject({ emailPayouts: false });
  });

  it("answers 401 without a token", async () => {
    const response = await given.setup.app.request(
      "/api/v1/users/me/preferences",
      jsonRequest("PUT", { emailPayouts: true }),
    );

    expect(response.status).toBe(401);
  });
});

describe("payout emails over HTTP", () => {
  it("emails a winner who turned them on once, even when the stream delivers the batch again", async () => {
    const [winner, quiet] = await Promise.all([
      registerUser(given.setup.app),
      registerUser(given.setup.app),
    ]);
    expect((await putPreferences(winner, { emailPayouts: true })).status).toBe(200);
    const title = `Will the payout email arrive ${Math.random()}?`;
    const created = await createMarketAsAdmin(given.setup.app, given.admin, {
      title,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const { id: marketId } = (await created.json()) as { id: string };
    let betId = "";
    for (const session of [winner, quiet]) {
      const placed = await given.setup.app.request(
        "/api/v1/bets",
        jsonRequest("POST", { marketId, amount: 100, side: "this" }, bearer(session.accessToken)),
      );
      expect(placed.status).toBe(201);
      if (session === winner) betId = ((await placed.json()) as { bet: { id: string } }).bet.id;
    }
    await given.setup.app.request(
      `/api/v1/admin/markets/${marketId}/resolve`,
      jsonRequest("POST", { resolution: "this" }, bearer(given.admin.accessToken)),
    );
    await Promise.all(given.setup.settlements);
    await given.setup.drainDerived();

    await given.setup.redeliverStream();

    const emails = await payoutEmailsTo(winner);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe("Your bet won: 200 credits paid");
    expect(emails[0]?.text).toContain(title);
    expect(emails[0]?.text).toContain(`${given.setup.config.PUBLIC_URL}/bets/${betId}`);
    expect(await payoutEmailsTo(quiet)).toEqual([]);
  });
});
