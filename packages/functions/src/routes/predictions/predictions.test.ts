import { createServer } from "node:net";
import { SFNClient } from "@aws-sdk/client-sfn";
import { getBalance, postAdminMovement, reconcile } from "@market/core/ledger";
import { createMarket, resolveMarket } from "@market/core/markets";
import { scorePredictions } from "@market/core/predictions";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import {
  bearer,
  registerAdmin,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "../../test-support/users";
import { createSfnSessionStarter } from "../../workflows/session/aws";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let alice: SignedInUser;
let bob: SignedInUser;
let admin: SignedInUser;
let marketId: string;

beforeAll(async () => {
  const adminName = uniqueName("admin");
  setup = await createTestApp({
    env: { ADMIN_EMAILS: `${adminName}@example.com`, PREDICTION_SESSIONS_PER_HOUR: "3" },
    stream: true,
  });
  [alice, bob, admin] = await Promise.all([
    registerUser(setup.app),
    registerUser(setup.app),
    registerAdmin(setup.app, setup.outbox, { username: adminName }),
  ]);
  marketId = (
    await createMarket(
      setup.core,
      aNewMarket({ title: "Will the new library open by June?", thisOdds: 0.7 }),
    )
  ).marketId;
});

const start = (
  session: SignedInUser,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  setup.app.request(
    "/api/v1/predictions/sessions",
    jsonRequest("POST", { marketId, ...body }, { ...bearer(session.accessToken), ...headers }),
  );
const getSession = (session: SignedInUser, sessionId: string) =>
  setup.app.request(`/api/v1/predictions/sessions/${sessionId}`, {
    headers: bearer(session.accessToken),
  });

describe("predictions API", () => {
  it("lists the built-in models with their cost", async () => {
    const response = await setup.app.request("/api/v1/predictions/models");
    const { models } = (await response.json()) as {
      models: { id: string; creditCost: number; available: boolean }[];
    };

    expect(models.filter((model) => model.available).map((model) => model.id)).toEqual(
      expect.arrayContaining(["consensus", "momentum", "base-rate"]),
    );
    expect(models.every((model) => model.creditCost === 1)).toBe(true);
  });

  it("starts a session, charges per model, runs it to the end and shows it only to its owner", async () => {
    const session = await registerUser(setup.app);

    const response = await start(session, { selectedModels: ["consensus", "base-rate"] });
    expect(response.status).toBe(201);
    const { sessionId, newBalance } = (await response.json()) as {
      sessionId: string;
      newBalance: number;
    };
    await setup.sessions.settled(sessionId);
    const own = await getSession(session, sessionId);
    const foreign = await getSession(bob, sessionId);
    const recent = await setup.app.request(`/api/v1/predictions/sessions?marketId=${marketId}`, {
      headers: bearer(session.accessToken),
    });

    expect(newBalance).toBe(998);
    const view = (await own.json()) as {
      predictions: { reasoning: string; method: string | null; marketProbability: number }[];
    };
    expect(view).toMatchObject({
      status: "finished",
      models: [{ state: "completed" }, { state: "completed" }],
      refunded: false,
    });
    // Each forecast keeps the market's own figure then (0.7 / (0.7 + 0.3)), is
    // written for people and keeps its technical account apart.
    for (const prediction of view.predictions) {
      expect(prediction.marketProbability).toBe(0.7);
      expect(prediction.reasoning).toContain('"Yes"');
      expect(prediction.reasoning).not.toMatch(/log-odds|prior|posterior/);
      expect(prediction.method).toMatch(/log-odds|prior/);
    }
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: "SESSION_NOT_FOUND" });
    expect(
      ((await recent.json()) as { sessions: { sessionId: string }[] }).sessions[0]?.sessionId,
    ).toBe(sessionId);
  });

  it("links every ledger row to what caused it: the bet, the session and its market", async () => {
    const session = await registerUser(setup.app);
    const started = await start(session, { selectedModels: ["consensus"] });
    const { sessionId } = (await started.json()) as { sessionId: string };
    await setup.sessions.settled(sessionId);
    const placed = await setup.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, amount: 10, side: "this" }, bearer(session.accessToken)),
    );
    const { bet } = (await placed.json()) as { bet: { id: string } };

    const response = await setup.app.request("/api/v1/transactions/me", {
      headers: bearer(session.accessToken),
    });
    const { transactions } = (await response.json()) as {
      transactions: {
        transactionType: string;
        referenceId: string | null;
        referenceType: string | null;
        marketId: string | null;
      }[];
    };
    const row = (type: string) => transactions.find((entry) => entry.transactionType === type);

    expect(row("bet_placed")).toMatchObject({
      referenceType: "bet",
      referenceId: bet.id,
      marketId,
    });
    expect(row("prediction_charge")).toMatchObject({
      referenceType: "prediction_session",
      referenceId: sessionId,
      marketId,
    });
    expect(row("signup_bonus")).toMatchObject({
      referenceType: "account",
      referenceId: session.user.id,
      marketId: null,
    });
  });

  it("refunds at once and answers 503 when the workflow cannot start", async () => {
    const session = await registerUser(setup.app);
    // Step Functions at a loopback port nobody listens on: StartExecution fails.
    const unreachable = createSfnSessionStarter({
      stateMachineArn: "arn:aws:states:us-east-1:000000000000:stateMachine:sessions",
      client: new SFNClient({
        endpoint: `http://127.0.0.1:${await closedPort()}`,
        region: "us-east-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
      }),
    });
    const app = createApp({
      ...setup.deps,
      services: { ...setup.deps.services, sessions: unreachable },
    });

    const response = await app.request(
      "/api/v1/predictions/sessions",
      jsonRequest(
        "POST",
        { marketId, selectedModels: ["consensus", "momentum"] },
        bearer(session.accessToken),
      ),
    );

    expect(response.status).toBe(503);
    const body = (await response.json()) as { code: string; details: { sessionId: string } };
    expect(body).toMatchObject({ code: "WORKFLOW_START_FAILED", details: { refunded: true } });
    expect(await (await getSession(session, body.details.sessionId)).json()).toMatchObject({
      status: "error",
      refunded: true,
    });
    expect(await reconcile(setup.core, session.user.id)).toMatchObject({
      consistent: true,
      balance: 1000,
      entries: 3,
    });
  });

  it("refuses a user without credits with 402 and writes nothing", async () => {
    const session = await registerUser(setup.app);
    await postAdminMovement(setup.core, {
      userId: session.user.id,
      type: "admin_adjustment",
      amount: -1000,
      reason: "empty the account",
      idempotencyKey: `empty#${session.user.id}`,
    });

    const response = await start(session, { selectedModels: ["consensus"] });

    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    const { data } = await serviceFor(setup.db)
      .entities.predictionSession.query.byUser({ userId: session.user.id })
      .go();
    expect(data).toHaveLength(0);
    expect(await reconcile(setup.core, session.user.id)).toMatchObject({
      balance: 0,
      entries: 2,
    });
  });

  it.each([
    ["an unknown model", { selectedModels: ["oracle-9000"] }, 400],
    ["a duplicate model", { selectedModels: ["consensus", "consensus"] }, 400],
    ["six models", { selectedModels: ["a", "b", "c", "d", "e", "f"] }, 400],
    ["no model", { selectedModels: [] }, 400],
    ["an unknown market", { selectedModels: ["consensus"], marketId: "nope" }, 404],
  ])("refuses %s and charges nothing", async (_label, body, status) => {
    const before = (await getBalance(setup.core, alice.user.id)).balance;

    const response = await start(alice, body);

    expect(response.status).toBe(status);
    expect((await getBalance(setup.core, alice.user.id)).balance).toBe(before);
  });

  it("refuses a closed market with 409", async () => {
    const closed = await createMarket(setup.core, aNewMarket({ title: "Closed already?" }));
    await resolveMarket(setup.core, closed.marketId, "this");

    const response = await start(alice, {
      marketId: closed.marketId,
      selectedModels: ["consensus"],
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "MARKET_CLOSED" });
  });

  it("refuses the start past the hourly limit with 429 and charges nothing", async () => {
    const session = await registerUser(setup.app);
    for (let index = 0; index < 3; index++) {
      expect((await start(session, { selectedModels: ["consensus"] })).status).toBe(201);
    }

    const fourth = await start(session, { selectedModels: ["consensus"] });

    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("retry-after")).toBeTruthy();
    expect((await getBalance(setup.core, session.user.id)).balance).toBe(997);
  });

  it.each([
    ["charged", "free"],
    ["free on the unlimited plan", "unlimited"],
  ] as const)(
    "holds the hourly limit exactly under 20 concurrent starts, %s",
    async (_name, plan) => {
      const session = await registerUser(setup.app);
      if (plan === "unlimited") {
        await serviceFor(setup.db)
          .entities.user.patch({ userId: session.user.id })
          .set({ plan })
          .go();
      }

      const responses = await Promise.all(
        Array.from({ length: 20 }, () => start(session, { selectedModels: ["consensus"] })),
      );

      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, 201, 201, ...Array(17).fill(429)]);
      expect((await getBalance(setup.core, session.user.id)).balance).toBe(
        plan === "unlimited" ? 1000 : 997,
      );
      const quota = await setup.app.request("/api/v1/predictions/quota", {
        headers: bearer(session.accessToken),
      });
      expect(await quota.json()).toMatchObject({ perHour: { used: 3, remaining: 0 } });
    },
  );

  it("returns the first session for a retried Idempotency-Key", async () => {
    const session = await registerUser(setup.app);
    const key = { "idempotency-key": crypto.randomUUID() };

    const first = (await (await start(session, { selectedModels: ["momentum"] }, key)).json()) as {
      sessionId: string;
    };
    const retry = await start(session, { selectedModels: ["momentum"] }, key);

    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { sessionId: string }).sessionId).toBe(first.sessionId);
    expect((await getBalance(setup.core, session.user.id)).balance).toBe(999);
  });

  it("shows admins per-model success rates and Brier scores after resolution", async () => {
    const market = await createMarket(
      setup.core,
      aNewMarket({ title: "Will it snow on New Year's Day?", thisOdds: 0.2 }),
    );
    const response = await start(bob, { marketId: market.marketId, selectedModels: ["consensus"] });
    const { sessionId } = (await response.json()) as { sessionId: string };
    await setup.sessions.settled(sessionId);
    const resolved = await setup.app.request(
      `/api/v1/admin/markets/${market.marketId}/resolve`,
      jsonRequest("POST", { resolution: "that" }, bearer(admin.accessToken)),
    );
    expect(resolved.status).toBe(200);
    await Promise.all(setup.settlements);
    // The settlement workflow scored the forecast; scoring again finds nothing new.
    expect(await scorePredictions(setup.core, market.marketId)).toBe(0);
    // Sessions per user and day are counted from the table's stream.
    await setup.drainDerived();

    const denied = await setup.app.request("/api/v1/admin/analytics/predictions", {
      headers: bearer(bob.accessToken),
    });
    const analytics = await setup.app.request("/api/v1/admin/analytics/predictions", {
      headers: bearer(admin.accessToken),
    });
    const body = (await analytics.json()) as {
      models: { modelId: string; successes: number; successRate: number; meanBrierScore: number }[];
      sessionsPerUserPerDay: { userId: string; sessions: number }[];
    };

    expect(denied.status).toBe(403);
    const consensus = body.models.find((model) => model.modelId === "consensus");
    expect(consensus?.successes).toBeGreaterThan(0);
    expect(consensus?.successRate).toBe(1);
    expect(consensus?.meanBrierScore).toBeGreaterThan(0);
    expect(consensus?.meanBrierScore).toBeLessThan(0.25);
    expect(body.sessionsPerUserPerDay.find((row) => row.userId === bob.user.id)?.sessions).toBe(1);
  });
});

/** A loopback port that was free a moment ago and is closed now. */
function closedPort(): Promise<number> {
  const server = createServer();
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    }),
  );
}
