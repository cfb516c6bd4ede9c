import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServedApp, serveOverLoopback } from "../../test-support/http";
import { anAppWithAnAdmin, type SignedInUser } from "../../test-support/users";

// Every admin action that changes state leaves an audit event with its reason
// (issue 28: creating, resolving and settling a market and running jobs left none).
let server: ServedApp;
let admin: SignedInUser;

beforeAll(async () => {
  const started = await anAppWithAnAdmin();
  admin = started.admin;
  server = await serveOverLoopback(started.setup.app);
});
afterAll(() => server.close());

interface AuditEvent {
  type: string;
  adminId: string;
  subjectId: string | null;
  reason: string;
  to: string | null;
}

async function audit(type: string): Promise<AuditEvent[]> {
  const response = await server.call("GET", `/admin/audit?type=${type}`, {
    token: admin.accessToken,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: AuditEvent[] }).events;
}

async function post(path: string, body?: unknown) {
  const response = await server.call("POST", path, {
    token: admin.accessToken,
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the audit trail of admin actions", () => {
  it("records a market's creation, resolution and settlement with their reasons", async () => {
    const created = await post("/admin/markets", {
      title: "Will the audit trail hold?",
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.5,
      thatOdds: 0.5,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      reason: "a market for the launch",
    });
    expect(created.status).toBe(201);
    const marketId = created.body.id as string;

    expect(
      (
        await post(`/admin/markets/${marketId}/resolve`, {
          resolution: "this",
          reason: "the result is in",
        })
      ).status,
    ).toBe(200);
    expect((await post(`/admin/markets/${marketId}/settle`)).status).toBe(202);

    expect(
      (await audit("market_create")).find((event) => event.subjectId === marketId),
    ).toMatchObject({
      adminId: admin.user.id,
      reason: "a market for the launch",
    });
    expect(
      (await audit("market_resolve")).find((event) => event.subjectId === marketId),
    ).toMatchObject({
      adminId: admin.user.id,
      reason: "the result is in",
      to: "this",
    });
    expect(
      (await audit("market_settle")).find((event) => event.subjectId === marketId),
    ).toMatchObject({
      adminId: admin.user.id,
    });
  });

  it("records a job run now", async () => {
    expect((await post("/admin/jobs/reconcile")).status).toBe(200);
    expect((await audit("job_run")).find((event) => event.subjectId === "reconcile")).toMatchObject(
      {
        adminId: admin.user.id,
        reason: expect.any(String),
      },
    );
  });
});
