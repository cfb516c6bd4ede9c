import { createRoute, z } from "@hono/zod-openapi";
import {
  BalanceCapExceeded,
  createDb,
  IdempotencyKeyReused,
  InsufficientBalance,
  InvalidAmount,
  loadConfig,
  UserNotFound,
  ValidationFailed,
} from "@market/core";
import { createDemoGammaClient } from "@market/core/polymarket";
import { loadModelRegistry } from "@market/core/predictions/models";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "./app";
import { handleError } from "./http/errors";
import { createRouter } from "./http/validating-router";
import { createTestApp, jsonRequest, testKeys } from "./test-support/app";

let app: Awaited<ReturnType<typeof createTestApp>>["app"];
let table: string;
let outbox: Awaited<ReturnType<typeof createTestApp>>["outbox"];
const unused = () => Promise.reject(new Error("not used"));
const services = {
  gamma: createDemoGammaClient(),
  clob: { pricesHistory: unused },
  models: loadModelRegistry(loadConfig({})),
  settlement: { start: unused },
  sessions: { start: unused },
};

beforeAll(async () => {
  const created = await createTestApp();
  app = created.app;
  table = created.db.table;
  outbox = created.outbox;
});

describe("GET /api/v1/health", () => {
  it("answers 200 when the table answers", async () => {
    const response = await app.request("/api/v1/health");

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      table: { name: table, status: "ACTIVE" },
    });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 503 in the error format when the table is missing", async () => {
    const missing = createApp({
      db: createDb({ table: "no-such-table", endpoint: inject("dynamoEndpoint") }),
      config: loadConfig({}),
      keys: testKeys,
      email: outbox,
      services,
    });

    const response = await missing.request("/api/v1/health");

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: "The database does not answer",
      code: "UNHEALTHY",
      statusCode: 503,
    });
  });
});

describe("errors in the API format", () => {
  it("answers an unknown route with 404", async () => {
    const response = await app.request("/api/v1/nope");

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "No route for GET /api/v1/nope",
      code: "NOT_FOUND",
      statusCode: 404,
    });
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const response = await app.request("/api/v1/health", { method: "DELETE" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(await response.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED", statusCode: 405 });
  });

  it("answers an oversized body with 413", async () => {
    const response = await app.request(
      "/api/v1/health",
      jsonRequest("POST", { padding: "x".repeat(70 * 1024) }),
    );

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("the shared router and error mapping", () => {
  const echo = createRoute({
    method: "post",
    path: "/echo",
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({ name: z.string().max(5), amount: z.number() }).strict(),
          },
        },
      },
    },
    responses: { 200: { description: "echo" } },
  });
  const router = createRouter().openapi(echo, (c) => c.json(c.req.valid("json"), 200));
  router.onError(handleError);

  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const response = await router.request("/echo", jsonRequest("POST", "{not json"));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "MALFORMED_JSON", statusCode: 400 });
  });

  it("answers an invalid body with 400 naming every failing field", async () => {
    const response = await router.request(
      "/echo",
      jsonRequest("POST", { name: "too long", amount: "7", role: "admin" }),
    );

    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { fields: object } };
    expect(body.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.details.fields).sort()).toEqual([
      "body.amount",
      "body.name",
      "body.role",
    ]);
  });

  it.each([
    [new InsufficientBalance({ balance: 1, required: 2 }), 402, "INSUFFICIENT_BALANCE"],
    [new InvalidAmount("must be greater than 0", -1), 400, "INVALID_AMOUNT"],
    [new BalanceCapExceeded({ balance: 1, amount: 2, cap: 2 }), 422, "BALANCE_CAP_EXCEEDED"],
    [new UserNotFound("u"), 404, "USER_NOT_FOUND"],
    [new IdempotencyKeyReused("k"), 409, "IDEMPOTENCY_KEY_REUSED"],
    [new ValidationFailed("bad", { limit: "too big" }), 400, "VALIDATION_ERROR"],
    [new Error("secret internals"), 500, "INTERNAL_ERROR"],
  ])("maps %s to %i %s", async (error, status, code) => {
    const throwing = createRouter();
    throwing.get("/boom", () => {
      throw error;
    });
    throwing.onError(handleError);

    const response = await throwing.request("/boom");
    const body = (await response.json()) as { code: string; statusCode: number; error: string };

    expect(response.status).toBe(status);
    expect(body).toMatchObject({ code, statusCode: status });
    expect(body.error).not.toContain("secret");
  });
});

describe("DynamoDB unreachable", () => {
  it("answers a read and a write with 503 SERVICE_UNAVAILABLE, never a 500", async () => {
    // Port 1 on loopback refuses every connection, as a DynamoDB that was just killed.
    const down = createApp({
      db: createDb({ table: "bench-down", endpoint: "http://127.0.0.1:1" }),
      config: loadConfig({}),
      keys: testKeys,
      email: outbox,
      services,
    });

    const read = await down.request("/api/v1/markets");
    const write = await down.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com", password: "a long passphrase" }),
    });

    for (const response of [read, write]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", statusCode: 503 });
    }
  });
});

describe("OpenAPI", () => {
  it("serves a 3.x document generated from the routes", async () => {
    const response = await app.request("/api/v1/openapi.json");
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };

    expect(response.status).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths["/api/v1/health"]?.get?.responses ?? {})).toEqual([
      "200",
      "429",
      "503",
    ]);
  });

  it("serves the docs page", async () => {
    const response = await app.request("/api/v1/docs");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("/api/v1/openapi.json");
  });
});

describe("OpenAPI coverage of accounts", () => {
  it.each([
    ["post", "/api/v1/auth/register"],
    ["post", "/api/v1/auth/login"],
    ["post", "/api/v1/auth/refresh"],
    ["post", "/api/v1/auth/logout"],
    ["post", "/api/v1/auth/password-reset/request"],
    ["post", "/api/v1/auth/password-reset/confirm"],
    ["post", "/api/v1/auth/password"],
    ["get", "/api/v1/users/me"],
    ["patch", "/api/v1/users/me"],
    ["get", "/api/v1/users/{userId}"],
    ["get", "/api/v1/transactions/me"],
    ["post", "/api/v1/admin/credits"],
  ])("documents %s %s with request and response schemas", async (method, path) => {
    const document = (await (await app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const operation = document.paths[path]?.[method];

    expect(operation).toBeDefined();
    const success = Object.entries(operation?.responses ?? {}).find(([status]) =>
      status.startsWith("2"),
    );
    expect(success?.[1].content?.["application/json"]?.schema).toBeDefined();
    const takesInput = method !== "get" || path.includes("{") || path.includes("transactions");
    if (takesInput) {
      expect(
        operation?.requestBody?.content?.["application/json"]?.schema ?? operation?.parameters,
      ).toBeDefined();
    }
  });
});

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
