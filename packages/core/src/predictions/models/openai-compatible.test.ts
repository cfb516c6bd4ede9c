import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../../test-support/loopback-server";
import { createOpenAiCompatibleModel } from "./openai-compatible";
import { type MarketContext, ModelFailed, TransientModelError } from "./types";

const context: MarketContext = {
  market: {
    id: "pm_42",
    title: "Will the Fed cut rates in September?",
    description: "Resolves Yes if the FOMC lowers the target range at its September meeting.",
    category: "Economics",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.64,
    thatOdds: 0.37,
    volume: 1_200_000,
    volume24h: 48_000,
    liquidity: 90_000,
    expiresAt: "2026-09-17T18:00:00.000Z",
  },
  oddsHistory: [
    { at: "2026-09-01T00:00:00.000Z", thisOdds: 0.55, thatOdds: 0.46 },
    { at: "2026-09-05T00:00:00.000Z", thisOdds: 0.64, thatOdds: 0.37 },
  ],
  categoryBaseRate: { resolved: 120, thisWins: 41 },
  researchedAt: "2026-09-06T00:00:00.000Z",
};

const forecast = {
  probability: 0.68,
  outcome: "this",
  confidence: 0.55,
  reasoning: "Recent inflation prints and Fed speakers point to a cut.",
  keyFactors: ["Market at 64%", "Dovish Fed commentary"],
};

/** A Chat Completions response whose assistant message is `content`, as OpenAI sends it. */
function completion(response: ServerResponse, content: string): void {
  sendJson(response, 200, {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_788_000_000,
    model: "meta-llama/llama-3.1-8b-instruct",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 420, completion_tokens: 80, total_tokens: 500 },
  });
}

function apiError(response: ServerResponse, status: number, type: string, message: string): void {
  const headers: Record<string, string> = status === 429 ? { "retry-after": "1" } : {};
  sendJson(response, status, { error: { message, type, param: null, code: type } }, headers);
}

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});

beforeEach(() => {
  server.requests.length = 0;
  server.answer((_request, response) => completion(response, JSON.stringify(forecast)));
});

afterAll(async () => {
  await server.close();
});

function model(overrides: Partial<Parameters<typeof createOpenAiCompatibleModel>[0]> = {}) {
  return createOpenAiCompatibleModel({
    id: "llama-8b",
    name: "Llama 3.1 8B",
    baseURL: `${server.url}/v1`,
    apiKey: "sk-test-123",
    modelName: "meta-llama/llama-3.1-8b-instruct",
    creditCost: 2,
    timeoutMs: 2_000,
    ...overrides,
  });
}

describe("an OpenAI-compatible model", () => {
  it("returns the validated prediction the API sends back", async () => {
    await expect(model().predict(context, {})).resolves.toEqual(forecast);
  });

  it("sends the key, the model name, a JSON-schema response format and the market", async () => {
    await model().predict(context, {});
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer sk-test-123");
    const body = request?.json as {
      model: string;
      response_format: { type: string; json_schema: { schema: { required: string[] } } };
      messages: { role: string; content: string }[];
    };
    expect(body.model).toBe("meta-llama/llama-3.1-8b-instruct");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.schema.required).toEqual(
      expect.arrayContaining(["probability", "outcome", "confidence", "reasoning", "keyFactors"]),
    );
    const user = body.messages.find((message) => message.role === "user");
    expect(user?.content).toContain(context.market.title);
    expect(user?.content).toContain("0.640");
  });

  it.each([
    ["prose instead of JSON", "I think the Fed will probably cut, around 70%."],
    ["JSON missing fields", JSON.stringify({ probability: 0.7 })],
    ["a probability above 1", JSON.stringify({ ...forecast, probability: 1.7 })],
    [
      "an outcome that contradicts the probability",
      JSON.stringify({ ...forecast, outcome: "that" }),
    ],
  ])("fails without retry on %s", async (_case, content) => {
    server.answer((_request, response) => completion(response, content));
    const error = await model()
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFailed);
    expect((error as Error).message).toContain("not a valid prediction");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [429, "rate_limit_exceeded", "Rate limit reached for requests"],
    [500, "server_error", "The server had an error while processing your request"],
    [502, "bad_gateway", "Upstream provider unavailable"],
    [503, "overloaded", "The engine is currently overloaded"],
  ])("reports HTTP %i as transient, after a single request", async (status, type, message) => {
    server.answer((_request, response) => apiError(response, status, type, message));
    const error = await model()
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientModelError);
    expect((error as Error).name).toBe("TransientModelError");
    expect((error as Error).message).toContain(String(status));
    // The SDK must not retry on its own: the workflow counts and spaces retries.
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [400, "invalid_request_error", "Invalid schema for response_format"],
    [401, "invalid_api_key", "Incorrect API key provided"],
    [403, "permission_denied", "Project does not have access to this model"],
    [404, "model_not_found", "The model does not exist"],
  ])("reports HTTP %i as failed", async (status, type, message) => {
    server.answer((_request, response) => apiError(response, status, type, message));
    const error = await model()
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFailed);
    expect((error as Error).name).toBe("ModelFailed");
  });

  it("gives up on a hanging API after its timeout, as a transient error", async () => {
    server.answer(() => {});
    const started = performance.now();
    const error = await model({ timeoutMs: 150 })
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientModelError);
    expect((error as Error).message).toContain("150 ms");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("stops when the caller's signal aborts", async () => {
    server.answer(() => {});
    const controller = new AbortController();
    const pending = model().predict(context, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/aborted/);
    await expect(pending).rejects.toBeInstanceOf(TransientModelError);
  });

  it("reports an unreachable server as transient", async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    const error = await model({ baseURL: `${closed.url}/v1` })
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientModelError);
    expect((error as Error).message).toContain("network error");
  });

  it("is unavailable and fails without a request when it has no key", async () => {
    const keyless = model({ apiKey: undefined });
    expect(keyless.available).toBe(false);
    await expect(keyless.predict(context, {})).rejects.toBeInstanceOf(ModelFailed);
    expect(server.requests).toHaveLength(0);
  });

  it("describes itself for the model list", () => {
    expect(model()).toMatchObject({
      id: "llama-8b",
      provider: "openai-compatible",
      creditCost: 2,
      available: true,
    });
  });
});
