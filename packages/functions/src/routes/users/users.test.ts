import { consume, getBalance, reconcile } from "@market/core/ledger";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, testKeys } from "../../test-support/app";
import { bearer, registerUser, type SignedInUser, uniqueName } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let alice: SignedInUser;
let bob: SignedInUser;

beforeAll(async () => {
  setup = await createTestApp();
  [alice, bob] = await Promise.all([registerUser(setup.app), registerUser(setup.app)]);
});

const me = (token: string) => setup.app.request("/api/v1/users/me", { headers: bearer(token) });

describe("GET /users/me", () => {
  it("returns my private profile with the ledger balance", async () => {
    const response = await me(alice.accessToken);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: alice.user.id,
      username: alice.user.username,
      email: alice.user.email,
      creditBalance: (await getBalance(setup.core, alice.user.id)).balance,
      totalVolume: 0,
      overallPnL: 0,
    });
  });

  it("answers 401 without a token", async () => {
    const response = await setup.app.request("/api/v1/users/me");

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("access tokens that must not pass", () => {
  const sign = (
    claims: Record<string, unknown>,
    options: { secret?: string; kid?: string; typ?: string } = {},
  ) =>
    new SignJWT({ role: "admin", ...claims })
      .setProtectedHeader({
        alg: "HS256",
        typ: options.typ ?? "at+jwt",
        kid: options.kid ?? "test-1",
      })
      .setSubject(alice.user.id)
      .setJti("j")
      .setIssuedAt()
      .sign(new TextEncoder().encode(options.secret ?? "t".repeat(48)));
  const unsigned = () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    return `${part({ alg: "none", typ: "at+jwt", kid: "test-1" })}.${part({
      sub: alice.user.id,
      role: "admin",
      iss: "credits-market",
      aud: "credits-market-api",
      iat: now,
      exp: now + 600,
      jti: "j",
    })}.`;
  };
  const valid = {
    iss: "credits-market",
    aud: "credits-market-api",
    exp: Math.floor(Date.now() / 1000) + 600,
  };

  it.each([
    ["alg none", async () => unsigned()],
    ["a wrong signature", () => sign(valid, { secret: "w".repeat(48) })],
    ["a wrong audience", () => sign({ ...valid, aud: "someone-else" })],
    ["a wrong issuer", () => sign({ ...valid, iss: "evil" })],
    ["an expired token", () => sign({ ...valid, exp: Math.floor(Date.now() / 1000) - 5 })],
    ["an unknown key id", () => sign(valid, { kid: "retired" })],
    ["another kind of JWT", () => sign(valid, { typ: "JWT" })],
    ["garbage", async () => "not.a.jwt"],
  ])("refuses %s with 401", async (_label, makeToken) => {
    const response = await me(await makeToken());

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "Invalid or expired access token",
      code: "UNAUTHORIZED",
      statusCode: 401,
    });
  });

  it("accepts a correctly signed token (so the cases above fail for their reason)", async () => {
    expect((await me(await sign(valid))).status).toBe(200);
    expect(testKeys.current.kid).toBe("test-1");
  });
});

describe("GET /users/:userId", () => {
  it("hides email and balance of someone else", async () => {
    const response = await setup.app.request(`/api/v1/users/${bob.user.id}`, {
      headers: bearer(alice.accessToken),
    });
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(body).toMatchObject({ id: bob.user.id, username: bob.user.username });
    expect(body).not.toHaveProperty("email");
    expect(body).not.toHaveProperty("creditBalance");
  });

  it("shows my own private fields", async () => {
    const response = await setup.app.request(`/api/v1/users/${alice.user.id}`, {
      headers: bearer(alice.accessToken),
    });

    expect(await response.json()).toMatchObject({ email: alice.user.email, creditBalance: 1000 });
  });

  it("shows the public profile to anonymous callers and 404 for unknown ids", async () => {
    const anonymous = await setup.app.request(`/api/v1/users/${alice.user.id}`);
    const unknown = await setup.app.request("/api/v1/users/nobody");

    expect(await anonymous.json()).not.toHaveProperty("email");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "USER_NOT_FOUND" });
  });
});

describe("PATCH /users/me", () => {
  const patch = (token: string, body: unknown) =>
    setup.app.request("/api/v1/users/me", jsonRequest("PATCH", body, bearer(token)));

  it("renames me and frees the old name", async () => {
    const session = await registerUser(setup.app);
    const oldName = session.user.username;
    const newName = uniqueName("renamed");

    const response = await patch(session.accessToken, { username: newName });
    const reuseOld = await registerUser(setup.app, {
      username: oldName,
      email: `${uniqueName()}@example.com`,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { username: newName } });
    expect(reuseOld.user.username).toBe(oldName);
  });

  it("refuses a name someone holds with 409", async () => {
    const response = await patch(alice.accessToken, { username: bob.user.username.toUpperCase() });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "USERNAME_TAKEN" });
  });

  it.each([
    ["creditBalance", { creditBalance: 1_000_000 }],
    ["role", { role: "admin" }],
    ["id", { id: "someone-else" }],
    ["username with creditBalance", { username: uniqueName(), creditBalance: 5 }],
  ])("refuses %s with 400 and changes nothing", async (field, body) => {
    const session = await registerUser(setup.app);

    const response = await patch(session.accessToken, body);

    expect(response.status).toBe(400);
    const error = (await response.json()) as { details: { fields: Record<string, string> } };
    expect(Object.keys(error.details.fields)).toContain(
      `body.${field.split(" ")[0] === "username" ? "creditBalance" : field}`,
    );
    const profile = (await (await me(session.accessToken)).json()) as Record<string, unknown>;
    expect(profile).toMatchObject({
      username: session.user.username,
      role: "user",
      creditBalance: 1000,
    });
    const audit = await reconcile(setup.core, session.user.id);
    expect(audit).toMatchObject({ consistent: true, balance: 1000 });
  });
});

describe("GET /transactions/me", () => {
  it("lists my entries newest first with cursor pagination and a type filter", async () => {
    const session = await registerUser(setup.app);
    for (let index = 0; index < 3; index++) {
      await consume(setup.core, {
        userId: session.user.id,
        amount: 10,
        type: "bet_placed",
        reason: "bet",
        idempotencyKey: `tx-test#${session.user.id}#${index}`,
      });
    }
    const list = (query: string) =>
      setup.app.request(`/api/v1/transactions/me${query}`, {
        headers: bearer(session.accessToken),
      });

    const first = (await (await list("?limit=2")).json()) as {
      transactions: { balanceAfter: number; transactionType: string }[];
      nextCursor: string;
      total: number;
    };
    const second = (await (
      await list(`?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as typeof first;
    const bonuses = (await (await list("?type=signup_bonus")).json()) as typeof first;

    expect(first.total).toBe(4);
    expect(first.transactions.map((t) => t.balanceAfter)).toEqual([970, 980]);
    expect(second.transactions.map((t) => t.balanceAfter)).toEqual([990, 1000]);
    // DynamoDB may hand out a cursor for a page that ends exactly at the last item.
    if (second.nextCursor) {
      const last = (await (
        await list(`?limit=2&cursor=${encodeURIComponent(second.nextCursor)}`)
      ).json()) as typeof first;
      expect(last).toMatchObject({ transactions: [], nextCursor: null });
    }
    expect(bonuses.transactions).toMatchObject([
      { transactionType: "signup_bonus", balanceAfter: 1000 },
    ]);
  });

  // `offset` itself is the API contract's (see lists.test.ts); beyond the bound, or with a cursor, it is not.
  it.each([
    "?limit=0",
    "?limit=201",
    "?type=lottery",
    "?limit=abc",
    "?cursor=bogus",
    "?offset=10001",
    "?offset=0&cursor=bogus",
  ])("answers %s with 400", async (query) => {
    const response = await setup.app.request(`/api/v1/transactions/me${query}`, {
      headers: bearer(alice.accessToken),
    });

    expect(response.status).toBe(400);
  });
});
