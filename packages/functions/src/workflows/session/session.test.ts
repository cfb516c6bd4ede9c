import { randomUUID } from "node:crypto";
import { type CoreContext, createContext, loadConfig } from "@market/core";
import { InsufficientBalance } from "@market/core/errors";
import { getBalance, history, openAccount, reconcile } from "@market/core/ledger";
import { getOwnSession, startSession, sweepStuckSessions } from "@market/core/predictions";
import { loadModelRegistry, parseModelFaults } from "@market/core/predictions/models";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../../../../scripts/test/db";
import { anOpenMarket } from "../../test-support/core";
import { parseWorkflowFaults } from "../workflow-faults";
import { createLocalSessionWorkflow } from "./local";
import { onSessionExecutionEnded } from "./tasks";

interface Harness {
  ctx: CoreContext;
  run: (userId: string, models: string[]) => Promise<{ sessionId: string }>;
  workflow: ReturnType<typeof createLocalSessionWorkflow>;
  marketId: string;
  registry: ReturnType<typeof loadModelRegistry>;
}

/** A fresh table, a market with some odds history, and the local session workflow with faults. */
async function harness(env: Record<string, string> = {}): Promise<Harness> {
  const config = loadConfig({ LOG_LEVEL: "SILENT", ...env });
  const ctx = createContext({ db: await createTestDb("sessions"), config });
  const registry = loadModelRegistry(config);
  const workflow = createLocalSessionWorkflow(
    {
      ctx,
      registry,
      modelFaults: parseModelFaults(config.MODEL_FAULTS),
      workflowFaults: parseWorkflowFaults(config.WORKFLOW_FAULTS),
      modelTimeoutMs: Math.round(config.MODEL_TIMEOUT_SECONDS * 1000),
    },
    { overrideRetryIntervals: true },
  );
  const marketId = `m_${randomUUID()}`;
  for (const [thisOdds, thatOdds] of [
    [0.4, 0.6],
    [0.45, 0.55],
    [0.52, 0.48],
  ]) {
    await anOpenMarket(
      ctx,
      {
        title: "Will the bridge reopen before spring?",
        category: "Local",
        thisOdds: thisOdds as number,
        thatOdds: thatOdds as number,
        liquidity: 5000,
        volume: 20000,
        volume24h: 1500,
      },
      marketId,
    );
  }
  const run = async (userId: string, models: string[]) => {
    const { session } = await startSession(ctx, registry, {
      userId,
      marketId,
      selectedModels: models,
    });
    await workflow.start({
      sessionId: session.sessionId,
      userId,
      marketId,
      models: session.selectedModels,
    });
    await workflow.settled(session.sessionId);
    return { sessionId: session.sessionId };
  };
  return { ctx, run, workflow, marketId, registry };
}

async function newUser(
  ctx: CoreContext,
  balance: number,
  plan: "free" | "unlimited" = "free",
): Promise<string> {
  const userId = `u-${randomUUID()}`;
  await openAccount(ctx, {
    userId,
    plan,
    openingGrant:
      balance > 0 ? { amount: balance, type: "admin_grant", reason: "test" } : undefined,
  });
  return userId;
}

async function refunds(ctx: CoreContext, userId: string) {
  return (await history(ctx, userId, { type: "prediction_refund" })).entries;
}

const allModels = ["consensus", "momentum", "base-rate"];

describe("prediction session workflow", () => {
  it("finishes with one prediction per model when all succeed, charged once, no refund", async () => {
    const { ctx, run } = await harness();
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, allModels);

    const session = await getOwnSession(ctx, userId, sessionId);
    expect(session).toMatchObject({ status: "finished", refunded: false, charged: 3 });
    expect(session.completedAt).not.toBeNull();
    expect(session.models.map((m) => m.state)).toEqual(["completed", "completed", "completed"]);
    expect(session.predictions.map((p) => p.modelId)).toEqual(allModels);
    for (const prediction of session.predictions) {
      expect(prediction.probability).toBeGreaterThanOrEqual(0);
      expect(prediction.probability).toBeLessThanOrEqual(1);
      expect(prediction.reasoning.length).toBeGreaterThan(0);
    }
    expect((await getBalance(ctx, userId)).balance).toBe(17);
    expect(await refunds(ctx, userId)).toHaveLength(0);
  });

  it("finishes without refund when one model fails and marks that model failed", async () => {
    const { ctx, run } = await harness({ MODEL_FAULTS: "momentum:fail" });
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, allModels);

    const session = await getOwnSession(ctx, userId, sessionId);
    expect(session.status).toBe("finished");
    expect(session.models.find((m) => m.modelId === "momentum")).toMatchObject({
      state: "failed",
      attempts: 3,
    });
    expect(session.predictions.map((p) => p.modelId)).toEqual(["consensus", "base-rate"]);
    expect(await refunds(ctx, userId)).toHaveLength(0);
  });

  it("completes a flaky model that fails twice after its retries", async () => {
    const { ctx, run } = await harness({ MODEL_FAULTS: "consensus:flaky:2" });
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, ["consensus"]);

    const session = await getOwnSession(ctx, userId, sessionId);
    expect(session.status).toBe("finished");
    expect(session.models).toMatchObject([
      { modelId: "consensus", state: "completed", attempts: 3 },
    ]);
  });

  it("ends in error and refunds once when every model fails", async () => {
    const { ctx, run } = await harness({ MODEL_FAULTS: "*:fail" });
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, allModels);

    const session = await getOwnSession(ctx, userId, sessionId);
    expect(session).toMatchObject({ status: "error", refunded: true });
    expect(await refunds(ctx, userId)).toMatchObject([{ amount: 3, referenceId: sessionId }]);
    expect((await getBalance(ctx, userId)).balance).toBe(20);
  });

  it("refunds a workflow crash once, even when the rule and the sweeper fire too", async () => {
    const { ctx, run } = await harness({ WORKFLOW_FAULTS: "crash-after:Research" });
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, allModels);
    await onSessionExecutionEnded(ctx, sessionId, "FAILED");
    const later = { ...ctx, clock: () => new Date(Date.now() + 2 * 3600 * 1000) };
    await sweepStuckSessions(later);

    expect(await getOwnSession(ctx, userId, sessionId)).toMatchObject({
      status: "error",
      refunded: true,
    });
    expect(await refunds(ctx, userId)).toHaveLength(1);
    expect((await getBalance(ctx, userId)).balance).toBe(20);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });

  it("is idle only once every execution and its refund have ended", async () => {
    const { ctx, workflow, marketId, registry } = await harness({ MODEL_FAULTS: "*:fail" });
    const userIds = [await newUser(ctx, 20), await newUser(ctx, 20)];
    for (const userId of userIds) {
      const { session } = await startSession(ctx, registry, {
        userId,
        marketId,
        selectedModels: allModels,
      });
      await workflow.start({ sessionId: session.sessionId, userId, marketId, models: allModels });
    }

    await workflow.idle();

    for (const userId of userIds) {
      expect(await refunds(ctx, userId)).toHaveLength(1);
      expect((await getBalance(ctx, userId)).balance).toBe(20);
    }
  });

  it("refunds a timed-out session once (a hanging model, a short timeout)", async () => {
    const { ctx, run } = await harness({
      MODEL_FAULTS: "*:hang",
      SESSION_TIMEOUT_SECONDS: "1",
      MODEL_TIMEOUT_SECONDS: "3",
    });
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, ["consensus"]);
    await onSessionExecutionEnded(ctx, sessionId, "TIMED_OUT");
    await sweepStuckSessions({ ...ctx, clock: () => new Date(Date.now() + 3600 * 1000) });

    expect(await getOwnSession(ctx, userId, sessionId)).toMatchObject({
      status: "error",
      refunded: true,
    });
    expect(await refunds(ctx, userId)).toHaveLength(1);
    expect((await getBalance(ctx, userId)).balance).toBe(20);
  }, 20_000);

  it("refunds a session left stuck with no execution, once, by the sweeper", async () => {
    const { ctx, registry, marketId } = await harness();
    const userId = await newUser(ctx, 20);
    const { session } = await startSession(ctx, registry, {
      userId,
      marketId,
      selectedModels: ["consensus", "momentum"],
    });
    const later = { ...ctx, clock: () => new Date(Date.now() + 3600 * 1000) };

    const early = await sweepStuckSessions(ctx);
    const first = await sweepStuckSessions(later);
    const second = await sweepStuckSessions(later);
    await onSessionExecutionEnded(ctx, session.sessionId, "ABORTED");

    expect(early.found).toBe(0);
    expect(first.outcomes).toEqual({ refunded: 1 });
    expect(second.found).toBe(0);
    expect(await refunds(ctx, userId)).toHaveLength(1);
    expect((await getBalance(ctx, userId)).balance).toBe(20);
  });

  it("never refunds a finished session", async () => {
    const { ctx, run } = await harness();
    const userId = await newUser(ctx, 20);

    const { sessionId } = await run(userId, ["consensus"]);
    await onSessionExecutionEnded(ctx, sessionId, "FAILED");
    await sweepStuckSessions({ ...ctx, clock: () => new Date(Date.now() + 3600 * 1000) });

    expect(await getOwnSession(ctx, userId, sessionId)).toMatchObject({
      status: "finished",
      refunded: false,
    });
    expect(await refunds(ctx, userId)).toHaveLength(0);
  });

  it("charges nothing on the unlimited plan, and refunds nothing when such a session fails", async () => {
    const { ctx, run } = await harness({ MODEL_FAULTS: "momentum:fail" });
    const userId = await newUser(ctx, 0, "unlimited");

    const finished = await run(userId, ["consensus"]);
    const failed = await run(userId, ["momentum"]);

    expect(await getOwnSession(ctx, userId, finished.sessionId)).toMatchObject({
      status: "finished",
      charged: 0,
    });
    expect(await getOwnSession(ctx, userId, failed.sessionId)).toMatchObject({
      status: "error",
      charged: 0,
      refunded: false,
    });
    expect(await reconcile(ctx, userId)).toMatchObject({ balance: 0, entries: 0 });
  });

  it("keeps the ledger whole under 100 concurrent starts by a user with 50 credits", async () => {
    const { ctx, registry, workflow, marketId } = await harness({
      PREDICTION_SESSIONS_PER_HOUR: "1000",
      PREDICTION_SESSIONS_PER_DAY: "1000",
    });
    const userId = await newUser(ctx, 50);

    const starts = await Promise.allSettled(
      Array.from({ length: 100 }, async () => {
        const { session } = await startSession(ctx, registry, {
          userId,
          marketId,
          selectedModels: ["consensus"],
        });
        await workflow.start({
          sessionId: session.sessionId,
          userId,
          marketId,
          models: ["consensus"],
        });
        return session.sessionId;
      }),
    );
    const started = starts.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    await Promise.all(started.map((sessionId) => workflow.settled(sessionId)));

    expect(started).toHaveLength(50);
    for (const s of starts) {
      if (s.status === "rejected") expect(s.reason).toBeInstanceOf(InsufficientBalance);
    }
    const sessions = await Promise.all(started.map((id) => getOwnSession(ctx, userId, id)));
    expect(
      sessions.every((s) => s.status === "finished" || (s.status === "error" && s.refunded)),
    ).toBe(true);
    const { balance } = await getBalance(ctx, userId);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(await reconcile(ctx, userId)).toMatchObject({ consistent: true });
  }, 120_000);
});
