import { claimIntervalMs } from "@market/core/rewards";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test-support/app";

describe("GET /config", () => {
  it("shows clients the settings in force, the session poll interval in milliseconds", async () => {
    const { app } = await createTestApp({
      env: { SESSION_POLL_SECONDS: "0.5", MAX_MODELS_PER_SESSION: "3", MIN_BET: "20" },
    });
    const response = await app.request("/api/v1/config");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      minBet: 20,
      maxModelsPerSession: 3,
      sessionPollMs: 500,
    });
  });

  it("polls a session every 12 s unless told otherwise (the product asks 10 to 15 s)", async () => {
    const { app } = await createTestApp();
    const body = (await (await app.request("/api/v1/config")).json()) as { sessionPollMs: number };
    expect(body.sessionPollMs).toBe(12_000);
  });

  it("tells clients how often to re-read notifications and where the low-credit notice starts", async () => {
    const { app } = await createTestApp({ env: { NOTIFICATION_POLL_SECONDS: "0.5" } });
    expect(await (await app.request("/api/v1/config")).json()).toMatchObject({
      notificationPollMs: 500,
      lowCreditNotice: 5,
    });
  });

  it("tells clients the daily reward's rolling interval, so the countdown is the rule's own", async () => {
    const { app } = await createTestApp();
    const body = (await (await app.request("/api/v1/config")).json()) as {
      dailyRewardIntervalMs: number;
    };
    expect(body.dailyRewardIntervalMs).toBe(claimIntervalMs);
    expect(body.dailyRewardIntervalMs).toBe(24 * 60 * 60 * 1000);
  });
});
