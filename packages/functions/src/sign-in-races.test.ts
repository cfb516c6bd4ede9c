/**
 * The sign-in races of the second probe (issue 28): refresh loops racing a
 * password change, a reset and a sign-out everywhere; a logout racing a
 * refresh; reuse detection and the chain's access tokens; a demoted admin.
 * Real HTTP to the app on DynamoDB Local; each trial makes its own user.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { getUser, hashToken, newOpaqueToken, signIn } from "@market/core/accounts";
import { serviceFor } from "@market/core/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../core/src/auth/password";
import { createTestApp } from "./test-support/app";
import { aUser } from "./test-support/core";
import { type ServedApp, serveOverLoopback } from "./test-support/http";
import { registerAdmin, uniqueName } from "./test-support/users";

/** Short, so the tests wait it out once instead of relying on one process's cache. */
const cacheSeconds = 1;
const trials = 100;
/** Trials in flight at once: enough to make the races, few enough for two cores. */
const parallel = 10;
/** Per race test: 100 trials on a loaded two-core machine. */
const raceTimeoutMs = 180_000;
const password = "a long enough password";

interface Chain {
  refresh: string;
  access: string;
}

interface Session extends Chain {
  userId: string;
  email: string;
}

type Setup = Awaited<ReturnType<typeof createTestApp>>;

async function started(
  env: Record<string, string> = {},
  overrides: Parameters<typeof createTestApp>[0] = {},
) {
  const setup = await createTestApp({
    ...overrides,
    env: {
      TOKEN_STATE_CACHE_SECONDS: String(cacheSeconds),
      // Trials in parallel queue for the hash gate; this is not the flood test.
      PASSWORD_HASH_QUEUE_WAIT_MS: "60000",
      PASSWORD_HASH_QUEUE_LENGTH: "1000",
      ...env,
    },
  });
  const server = await serveOverLoopback(setup.app);
  return { setup, server };
}

/** One argon2id hash for every trial's user: hashing is not what these tests race. */
let sharedHash: Promise<string> | undefined;

/**
 * A user with `password`, signed in once, made in the store (no hashing, no
 * per-IP limits): the races themselves all go over HTTP.
 */
async function aSignedInUser(setup: Setup): Promise<Session> {
  sharedHash ??= hashPassword(password);
  const userId = await aUser(setup.core);
  const email = `${uniqueName("race")}@example.com`;
  const { data: user } = await serviceFor(setup.db)
    .entities.user.patch({ userId })
    .set({ passwordHash: await sharedHash, email, username: uniqueName("race") })
    .go({ response: "all_new" });
  const tokens = await signIn(accountsOf(setup), user);
  return { userId, email, access: tokens.accessToken, refresh: tokens.refreshToken };
}

/** The app's accounts context (its clock too), for signing in without a password. */
function accountsOf(setup: Setup) {
  const clock = setup.deps.clock ?? setup.core.clock;
  return { ...setup.core, clock, keys: setup.deps.keys, email: setup.outbox };
}

/** Another sign-in of the same user, as a login makes it. */
async function anotherSignIn(setup: Setup, userId: string): Promise<Chain> {
  const user = await getUser(setup.core, userId);
  const tokens = await signIn(accountsOf(setup), user);
  return { access: tokens.accessToken, refresh: tokens.refreshToken };
}

async function refresh(server: ServedApp, chain: Chain): Promise<boolean> {
  const response = await server.call("POST", "/auth/refresh", {
    body: { refreshToken: chain.refresh },
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    return false;
  }
  const pair = (await response.json()) as { accessToken: string; refreshToken: string };
  chain.refresh = pair.refreshToken;
  chain.access = pair.accessToken;
  return true;
}

/** Rotates the chain until it is refused or `revoked()`: the rotations in flight then are the race. */
async function refreshLoop(server: ServedApp, chain: Chain, revoked: () => boolean) {
  while (!revoked()) {
    if (!(await refresh(server, chain))) return;
  }
}

/** Runs `work` on every item, `parallel` at once. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Runs `trials` trials, `parallel` at once, and gathers what they return. */
async function runTrials<T>(trial: (index: number) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  await inParallel(
    Array.from({ length: trials }, (_, index) => index),
    async (index) => {
      results.push(...(await trial(index)));
    },
  );
  return results;
}

/** The chains (refresh and access token) that still work, once the cache window has passed. */
async function survivors(server: ServedApp, chains: Chain[]): Promise<string[]> {
  await sleep(cacheSeconds * 1000 + 200);
  const alive: string[] = [];
  await inParallel(chains, async (chain) => {
    const me = await server.call("GET", "/users/me", { token: chain.access });
    await me.body?.cancel();
    if (me.status !== 401) alive.push(`access token: ${me.status}`);
    if (await refresh(server, chain)) alive.push("refresh token");
  });
  return alive;
}

/**
 * One user with two sign-ins rotating their refresh tokens in a loop while
 * `revoke` runs, 0 to 15 ms after the loops started.
 */
function racingRevocation(
  setup: () => Setup,
  server: () => ServedApp,
  revoke: (owner: Session) => Promise<void>,
  prepare: (owner: Session) => Promise<void> = async () => {},
) {
  return async (index: number): Promise<Chain[]> => {
    const owner = await aSignedInUser(setup());
    const chains = [{ ...owner }, await anotherSignIn(setup(), owner.userId)];
    await prepare(owner);
    let revoked = false;
    const loops = chains.map((chain) => refreshLoop(server(), chain, () => revoked));
    await sleep(index % 16);
    await revoke(owner);
    revoked = true;
    await Promise.all(loops);
    return chains;
  };
}

describe("refresh loops racing the end of every sign-in", () => {
  let setup: Setup;
  let server: ServedApp;

  beforeAll(async () => {
    ({ setup, server } = await started());
  });
  afterAll(() => server.close());

  it(
    "leaves no chain alive after a password change (100 trials)",
    async () => {
      const chains = await runTrials(
        racingRevocation(
          () => setup,
          () => server,
          async (owner) => {
            const response = await server.call("POST", "/auth/password", {
              token: owner.access,
              body: { currentPassword: password, newPassword: `new ${uniqueName("passphrase")}` },
            });
            expect(response.status).toBe(200);
            await response.body?.cancel();
          },
        ),
      );
      expect(await survivors(server, chains)).toEqual([]);
    },
    raceTimeoutMs,
  );

  it(
    "leaves no chain alive after a reset (100 trials)",
    async () => {
      const resetTokens = new Map<string, string>();
      const chains = await runTrials(
        racingRevocation(
          () => setup,
          () => server,
          async (owner) => {
            const response = await server.call("POST", "/auth/password-reset/confirm", {
              body: {
                token: resetTokens.get(owner.email),
                newPassword: `new ${uniqueName("pass")}`,
              },
            });
            expect(response.status).toBe(200);
            await response.body?.cancel();
          },
          async (owner) => {
            // The link the reset request would email (that request is timed, not raced).
            const token = newOpaqueToken();
            resetTokens.set(owner.email, token);
            await serviceFor(setup.db)
              .entities.passwordResetToken.create({
                tokenHash: hashToken(token),
                userId: owner.userId,
                expiresAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
                generation: 0,
                ttl: Math.floor(Date.now() / 1000) + 3600,
              })
              .go();
          },
        ),
      );
      expect(await survivors(server, chains)).toEqual([]);
    },
    raceTimeoutMs,
  );

  it(
    "leaves no chain alive after signing out everywhere (100 trials)",
    async () => {
      const chains = await runTrials(
        racingRevocation(
          () => setup,
          () => server,
          async (owner) => {
            const response = await server.call("POST", "/auth/logout-everywhere", {
              token: owner.access,
            });
            expect(response.status).toBe(200);
            await response.body?.cancel();
          },
        ),
      );
      expect(await survivors(server, chains)).toEqual([]);
    },
    raceTimeoutMs,
  );

  it("refuses every access token of a chain once a rotated token of it is replayed", async () => {
    const owner = await aSignedInUser(setup);
    const stolen = owner.refresh;
    const chain: Chain = { ...owner };
    const accessTokens = [owner.access];
    for (let n = 0; n < 3; n += 1) {
      expect(await refresh(server, chain)).toBe(true);
      accessTokens.push(chain.access);
    }

    expect(await refresh(server, { refresh: stolen, access: "" })).toBe(false);

    for (const access of accessTokens) {
      const me = await server.call("GET", "/users/me", { token: access });
      expect(me.status).toBe(401);
      await me.body?.cancel();
    }
    expect(await refresh(server, chain)).toBe(false);
    // The owner's other sign-ins are not the thief's: they keep working.
    const other = await anotherSignIn(setup, owner.userId);
    expect(await refresh(server, other)).toBe(true);
  });
});

describe("a logout racing a refresh", () => {
  let now = Date.now();
  let setup: Setup;
  let server: ServedApp;

  beforeAll(async () => {
    ({ setup, server } = await started({}, { clock: () => new Date(now) }));
  });
  afterAll(() => server.close());

  it(
    "leaves nothing of the sign-in alive, not even after the ended list is pruned (100 trials)",
    async () => {
      const owners: Session[] = [];
      const chains = await runTrials(async (index) => {
        const owner = await aSignedInUser(setup);
        owners.push(owner);
        const chain: Chain = { ...owner };
        const first = { ...owner };
        // lead > 0: the logout starts lead ms ahead of the refresh; < 0: behind it.
        const lead = (index % 31) - 15;
        const rotating = sleep(Math.max(0, lead)).then(() => refresh(server, chain));
        await sleep(Math.max(0, -lead));
        const out = await server.call("POST", "/auth/logout", {
          token: owner.access,
          body: { refreshToken: owner.refresh },
        });
        expect(out.status).toBe(200);
        await out.body?.cancel();
        await rotating;
        return [first, chain];
      });
      expect(await survivors(server, chains)).toEqual([]);

      // Sixteen minutes on, another logout prunes the list of ended sign-ins:
      // what it listed stays ended (the refresh tokens by their sign-in's generation).
      now += 16 * 60 * 1000;
      const owner = owners[0] as Session;
      const later = await anotherSignIn(setup, owner.userId);
      const out = await server.call("POST", "/auth/logout", {
        token: later.access,
        body: { refreshToken: later.refresh },
      });
      expect(out.status).toBe(200);
      const revived: string[] = [];
      for (const chain of chains) {
        if (await refresh(server, chain)) revived.push(chain.refresh);
      }
      expect(revived).toEqual([]);
    },
    raceTimeoutMs,
  );
});

describe("a demoted admin", () => {
  let setup: Setup;
  let server: ServedApp;
  let boss: Awaited<ReturnType<typeof registerAdmin>>;

  beforeAll(async () => {
    const username = uniqueName("boss");
    ({ setup, server } = await started({ ADMIN_EMAILS: `${username}@example.com` }));
    boss = await registerAdmin(setup.app, setup.outbox, { username });
  });
  afterAll(() => server.close());

  /** A user made admin in the store (as `promote-admin` does), signed in as one. */
  async function aStoredAdmin(): Promise<Session> {
    const user = await aSignedInUser(setup);
    await serviceFor(setup.db)
      .entities.user.patch({ userId: user.userId })
      .set({ role: "admin" })
      .go();
    return { ...user, ...(await anotherSignIn(setup, user.userId)) };
  }

  it("is refused at the next admin request and cannot promote themself back", async () => {
    const demoted = await aStoredAdmin();
    const before = await server.call("GET", `/admin/users/${boss.user.id}`, {
      token: demoted.access,
    });
    expect(before.status).toBe(200);
    await before.body?.cancel();

    const demotion = await server.call("PATCH", `/admin/users/${demoted.userId}`, {
      token: boss.accessToken,
      body: { role: "user", reason: "left the team" },
    });
    expect(demotion.status).toBe(200);
    await demotion.body?.cancel();

    const grant = await server.call("POST", "/admin/credits", {
      token: demoted.access,
      headers: { "idempotency-key": uniqueName("grant") },
      body: { userId: demoted.userId, amount: 100, reason: "for me" },
    });
    expect([401, 403]).toContain(grant.status);
    await grant.body?.cancel();
    const undo = await server.call("PATCH", `/admin/users/${demoted.userId}`, {
      token: demoted.access,
      body: { role: "admin", reason: "undo" },
    });
    expect([401, 403]).toContain(undo.status);
    await undo.body?.cancel();
    const { data } = await serviceFor(setup.db)
      .entities.user.get({ userId: demoted.userId })
      .go({ consistent: true });
    expect(data?.role).toBe("user");
  });

  it("loses admin authority within the cache window when the stored role changes under a live token", async () => {
    const demoted = await aStoredAdmin();
    // Changed in the store, not through the API: no token generation moves, so
    // only the stored role can refuse.
    await serviceFor(setup.db)
      .entities.user.patch({ userId: demoted.userId })
      .set({ role: "user" })
      .go();
    await sleep(cacheSeconds * 1000 + 200);

    const read = await server.call("GET", `/admin/users/${boss.user.id}`, {
      token: demoted.access,
    });
    expect(read.status).toBe(403);
    await read.body?.cancel();
    const me = await server.call("GET", "/users/me", { token: demoted.access });
    expect(me.status).toBe(200);
    await me.body?.cancel();
  });
});
