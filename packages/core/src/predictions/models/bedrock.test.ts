import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type LoopbackServer,
  type RecordedRequest,
  sendJson,
  startLoopbackServer,
} from "../../test-support/loopback-server";
import { createBedrockModel } from "./bedrock";
import { type MarketContext, ModelFailed, TransientModelError } from "./types";

const context: MarketContext = {
  market: {
    id: "credits_7",
    title: "Will the new stadium open before the season starts?",
    description: "Resolves Yes if the stadium hosts a public event before the first home game.",
    category: "Sports",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.3,
    thatOdds: 0.72,
    volume: 5_000,
    volume24h: 300,
    liquidity: 1_200,
    expiresAt: null,
  },
  oddsHistory: [],
  categoryBaseRate: null,
  researchedAt: "2026-09-06T00:00:00.000Z",
};

const forecast = {
  probability: 0.25,
  outcome: "that",
  confidence: 0.4,
  reasoning: "Construction delays are common and the market leans No.",
  keyFactors: ["Market at 29%", "Delays reported in August"],
};

const modelId = "amazon.nova-lite-v1:0";

interface ConverseRequest {
  toolConfig?: { tools: { toolSpec: { name: string } }[] };
  messages: { role: string; content: { text?: string }[] }[];
}

/**
 * A Converse response as Bedrock sends it: the answer as a call of the forced
 * "json" tool when the request offered one, as text otherwise.
 */
function converse(request: RecordedRequest, response: ServerResponse, answer: unknown): void {
  const body = request.json as ConverseRequest;
  const offersJsonTool = body.toolConfig?.tools.some((tool) => tool.toolSpec.name === "json");
  const content = offersJsonTool
    ? [{ toolUse: { toolUseId: "tooluse_test", name: "json", input: answer } }]
    : [{ text: typeof answer === "string" ? answer : JSON.stringify(answer) }];
  sendJson(response, 200, {
    output: { message: { role: "assistant", content } },
    stopReason: offersJsonTool ? "tool_use" : "end_turn",
    usage: { inputTokens: 380, outputTokens: 90, totalTokens: 470 },
    metrics: { latencyMs: 812 },
  });
}

/** Bedrock's error shape: `{ message }` with the exception type in a header. */
function awsError(response: ServerResponse, status: number, type: string, message: string): void {
  sendJson(
    response,
    status,
    { message },
    { "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` },
  );
}

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});

beforeEach(() => {
  server.requests.length = 0;
  server.answer((request, response) => converse(request, response, forecast));
});

afterAll(async () => {
  await server.close();
});

function model(overrides: Partial<Parameters<typeof createBedrockModel>[0]> = {}) {
  return createBedrockModel({
    id: "nova-lite",
    name: "Amazon Nova Lite",
    modelId,
    region: "eu-west-1",
    creditCost: 1,
    timeoutMs: 2_000,
    baseURL: server.url,
    credentials: {
      accessKeyId: "AKIDLOOPBACKTEST",
      secretAccessKey: "not-a-secret",
      sessionToken: "session-token",
    },
    ...overrides,
  });
}

describe("a Bedrock model", () => {
  it("returns the validated prediction from the Converse API", async () => {
    await expect(model().predict(context, {})).resolves.toEqual(forecast);
  });

  it("calls Converse for the model, signed with SigV4 for the region, with the market in the prompt", async () => {
    await model().predict(context, {});
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/model/${encodeURIComponent(modelId)}/converse`);
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACKTEST\/\d{8}\/eu-west-1\/bedrock\/aws4_request/,
    );
    expect(request?.headers["x-amz-security-token"]).toBe("session-token");
    const body = request?.json as ConverseRequest;
    expect(body.toolConfig?.tools.map((tool) => tool.toolSpec.name)).toContain("json");
    expect(body.messages[0]?.content[0]?.text).toContain(context.market.title);
  });

  it.each([
    ["a tool input missing fields", { probability: 0.25 }],
    ["a confidence above 1", { ...forecast, confidence: 3 }],
    [
      "too many key factors",
      { ...forecast, keyFactors: Array.from({ length: 9 }, (_, i) => `factor ${i}`) },
    ],
  ])("fails without retry on %s", async (_case, answer) => {
    server.answer((request, response) => converse(request, response, answer));
    await expect(model().predict(context, {})).rejects.toBeInstanceOf(ModelFailed);
    expect(server.requests).toHaveLength(1);
  });

  it("fails when the model answers in prose instead of calling the tool", async () => {
    server.answer((_request, response) =>
      sendJson(response, 200, {
        output: { message: { role: "assistant", content: [{ text: "Probably not, maybe 25%." }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 380, outputTokens: 12, totalTokens: 392 },
      }),
    );
    await expect(model().predict(context, {})).rejects.toBeInstanceOf(ModelFailed);
  });

  it.each([
    [429, "ThrottlingException", "Too many requests, please wait before trying again."],
    [500, "InternalServerException", "The server encountered an internal error."],
    [503, "ServiceUnavailableException", "The service is unavailable. Try again later."],
  ])("reports HTTP %i (%s) as transient, after a single request", async (status, type, message) => {
    server.answer((_request, response) => awsError(response, status, type, message));
    const error = await model()
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientModelError);
    expect((error as Error).name).toBe("TransientModelError");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [400, "ValidationException", "The provided model identifier is invalid."],
    [
      403,
      "AccessDeniedException",
      "You don't have access to the model with the specified model ID.",
    ],
    [404, "ResourceNotFoundException", "Model not found."],
  ])("reports HTTP %i (%s) as failed", async (status, type, message) => {
    server.answer((_request, response) => awsError(response, status, type, message));
    const error = await model()
      .predict(context, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFailed);
    expect((error as Error).message).toContain(message);
  });

  it("gives up on a hanging endpoint after its timeout, as a transient error", async () => {
    server.answer(() => {});
    const started = performance.now();
    await expect(model({ timeoutMs: 150 }).predict(context, {})).rejects.toBeInstanceOf(
      TransientModelError,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
