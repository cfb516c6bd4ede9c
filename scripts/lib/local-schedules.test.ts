import { getOwnSession, startSession } from "@market/core/predictions";
import { describe, expect, it } from "vitest";
import { anOpenMarket, aUser } from "../../packages/core/src/test-support";
import { createTestApp } from "../../packages/functions/src/test-support/app";
import { startLocalSchedules } from "./local-schedules";

describe("the local schedules", () => {
  it("run the stuck-session sweeper on its timer, which refunds a session stuck past its timeout", async () => {
    const { core, deps, config } = await createTestApp({ env: { SESSION_TIMEOUT_SECONDS: "1" } });
    const userId = await aUser(core, { balance: 20 });
    const marketId = await anOpenMarket(core);
    // Started ten minutes ago and never run: past the timeout and the sweeper's grace.
    const past = { ...core, clock: () => new Date(Date.now() - 10 * 60 * 1000) };
    const { session } = await startSession(past, deps.services.models, {
      userId,
      marketId,
      selectedModels: ["consensus"],
    });
    const lines: string[] = [];

    const schedules = startLocalSchedules(
      core,
      deps.services,
      {
        ...config,
        MARKET_SYNC_INTERVAL_SECONDS: 0,
        RESOLUTION_POLL_INTERVAL_SECONDS: 0,
        ODDS_REFRESH_INTERVAL_SECONDS: 0,
        RANKING_INTERVAL_SECONDS: 0,
        RECONCILE_INTERVAL_SECONDS: 0,
        SESSION_SWEEP_INTERVAL_SECONDS: 1,
      },
      (line) => lines.push(line),
    );
    try {
      await expect
        .poll(async () => (await getOwnSession(core, userId, session.sessionId)).refunded, {
          timeout: 10_000,
        })
        .toBe(true);
    } finally {
      schedules.stop();
    }

    expect(lines[0]).toBe("session sweep: 1 stuck sessions, 1 refunded");
  });
});
