import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModelSettings } from "../../config";
import {
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../../test-support/loopback-server";
import { createModelRegistry, InvalidModelConfiguration, loadModelRegistry } from "./registry";
import { type MarketContext, TransientModelError } from "./types";

const openAi = {
  OPENAI_COMPATIBLE_BASE_URL: "https://openrouter.ai/api/v1",
  OPENAI_COMPATIBLE_API_KEY: "sk-or-test",
  OPENAI_COMPATIBLE_MODELS: "gpt-mini=openai/gpt-4o-mini, meta-llama/llama-3.1-8b-instruct",
};
const bedrock = {
  BEDROCK_REGION: "us-west-2",
  BEDROCK_MODELS: "nova=amazon.nova-lite-v1:0",
  AWS_ACCESS_KEY_ID: "AKIDTEST",
  AWS_SECRET_ACCESS_KEY: "secret",
};

/** A registry from environment variables, parsed as the configuration parses them. */
const registryOf = (env: Record<string, string | undefined>) =>
  loadModelRegistry(parseModelSettings(env));

describe("loadModelRegistry", () => {
  it("offers the three offline forecasters by default, at one credit each", () => {
    const registry = registryOf({});
    expect(registry.list()).toEqual([
      expect.objectContaining({
        id: "consensus",
        provider: "local",
        creditCost: 1,
        available: true,
      }),
      expect.objectContaining({
        id: "momentum",
        provider: "local",
        creditCost: 1,
        available: true,
      }),
      expect.objectContaining({
        id: "base-rate",
        provider: "local",
        creditCost: 1,
        available: true,
      }),
    ]);
    expect(registry.get("momentum")?.predict).toBeTypeOf("function");
    expect(registry.get("nope")).toBeUndefined();
  });

  it("lists plain data, safe to return from the API", () => {
    const listed = registryOf({}).list();
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    for (const info of listed) {
      expect(Object.keys(info).sort()).toEqual([
        "available",
        "creditCost",
        "description",
        "id",
        "name",
        "provider",
      ]);
      expect(info.description.length).toBeGreaterThan(0);
    }
  });

  it("charges MODEL_CREDIT_COST per model", () => {
    const registry = registryOf({ MODEL_CREDIT_COST: "3", ...openAi });
    expect(new Set(registry.list().map((model) => model.creditCost))).toEqual(new Set([3]));
  });

  it("treats blank values as unset", () => {
    expect(
      registryOf({ MODEL_CREDIT_COST: "", DISABLED_MODELS: " " }).get("consensus"),
    ).toMatchObject({
      creditCost: 1,
      available: true,
    });
  });

  it("lists disabled models as unavailable, still reachable by id", () => {
    const registry = registryOf({ DISABLED_MODELS: "momentum, gpt-mini", ...openAi });
    expect(registry.get("momentum")?.available).toBe(false);
    expect(registry.get("gpt-mini")?.available).toBe(false);
    expect(registry.get("consensus")?.available).toBe(true);
  });

  it("adds OpenAI-compatible models, with ids given or derived from the model name", () => {
    const registry = registryOf(openAi);
    expect(registry.get("gpt-mini")).toMatchObject({
      name: "openai/gpt-4o-mini",
      provider: "openai-compatible",
      available: true,
    });
    expect(registry.get("meta-llama-llama-3-1-8b-instruct")).toMatchObject({ available: true });
    expect(registry.list().map((model) => model.id)).toHaveLength(5);
  });

  it("lists an OpenAI-compatible model without a key as unavailable", () => {
    const { OPENAI_COMPATIBLE_API_KEY: _key, ...withoutKey } = openAi;
    expect(registryOf(withoutKey).get("gpt-mini")?.available).toBe(false);
  });

  it("adds Bedrock models, available when AWS credentials are present", () => {
    expect(registryOf(bedrock).get("nova")).toMatchObject({
      provider: "bedrock",
      available: true,
    });
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...noCredentials } = bedrock;
    expect(registryOf(noCredentials).get("nova")?.available).toBe(false);
  });

  it("falls back to AWS_REGION for Bedrock", () => {
    const { BEDROCK_REGION: _region, ...rest } = bedrock;
    expect(registryOf({ ...rest, AWS_REGION: "eu-central-1" }).get("nova")?.description).toContain(
      "eu-central-1",
    );
  });

  it.each([
    [{ MODEL_CREDIT_COST: "one" }, "MODEL_CREDIT_COST"],
    [{ MODEL_CREDIT_COST: "-1" }, "MODEL_CREDIT_COST"],
    [{ MODEL_TIMEOUT_SECONDS: "0" }, "MODEL_TIMEOUT_SECONDS"],
    [{ ...openAi, OPENAI_COMPATIBLE_BASE_URL: "openrouter" }, "OPENAI_COMPATIBLE_BASE_URL"],
    [{ OPENAI_COMPATIBLE_MODELS: "gpt-4o" }, "OPENAI_COMPATIBLE_BASE_URL"],
    [{ ...openAi, OPENAI_COMPATIBLE_MODELS: "Big Model=gpt-4o" }, "OPENAI_COMPATIBLE_MODELS"],
    [{ ...openAi, OPENAI_COMPATIBLE_MODELS: "gpt=" }, "OPENAI_COMPATIBLE_MODELS"],
    [{ ...bedrock, BEDROCK_REGION: "mars" }, "BEDROCK_REGION"],
    [{ BEDROCK_MODELS: "amazon.nova-lite-v1:0" }, "BEDROCK_REGION"],
    [{ DISABLED_MODELS: "Consensus!" }, "DISABLED_MODELS"],
    [{ DISABLED_MODELS: "gpt-mini" }, "DISABLED_MODELS"],
    [{ ...openAi, OPENAI_COMPATIBLE_MODELS: "consensus=gpt-4o" }, "unique"],
  ])("rejects %j naming %s", (env, name) => {
    expect(() => registryOf(env)).toThrow(InvalidModelConfiguration);
    expect(() => registryOf(env)).toThrow(name);
  });
});

describe("a configured remote model", () => {
  let server: LoopbackServer;
  const context: MarketContext = {
    market: {
      id: "pm_9",
      title: "Will it snow in Paris on Christmas?",
      description: "",
      category: null,
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.2,
      thatOdds: 0.8,
      volume: 0,
      volume24h: 0,
      liquidity: 0,
      expiresAt: null,
    },
    oddsHistory: [],
    categoryBaseRate: null,
    researchedAt: "2026-12-01T00:00:00.000Z",
  };

  beforeAll(async () => {
    server = await startLoopbackServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it("calls the configured endpoint with the configured key", async () => {
    server.answer((_request, response) =>
      sendJson(response, 200, {
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 1_795_000_000,
        model: "llama3.1:8b",
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: JSON.stringify({
                probability: 0.1,
                outcome: "that",
                confidence: 0.3,
                reasoning: "Snow on Christmas is rare in Paris.",
                keyFactors: ["Rare historically"],
              }),
            },
            finish_reason: "stop",
          },
        ],
      }),
    );
    const registry = registryOf({
      OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`,
      OPENAI_COMPATIBLE_API_KEY: "ollama",
      OPENAI_COMPATIBLE_MODELS: "llama=llama3.1:8b",
    });
    await expect(registry.get("llama")?.predict(context, {})).resolves.toMatchObject({
      outcome: "that",
    });
    const request = server.requests.at(-1);
    expect(request?.headers.authorization).toBe("Bearer ollama");
    expect(request?.json).toMatchObject({ model: "llama3.1:8b" });
  });

  it("times out after MODEL_TIMEOUT_SECONDS", async () => {
    server.answer(() => {});
    const registry = registryOf({
      OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`,
      OPENAI_COMPATIBLE_API_KEY: "ollama",
      OPENAI_COMPATIBLE_MODELS: "llama=llama3.1:8b",
      MODEL_TIMEOUT_SECONDS: "0.1",
    });
    await expect(registry.get("llama")?.predict(context, {})).rejects.toBeInstanceOf(
      TransientModelError,
    );
  });
});

describe("createModelRegistry", () => {
  it("serves the models it is given, in order", () => {
    const local = registryOf({});
    const [first] = local.list();
    const model = first ? local.get(first.id) : undefined;
    const registry = createModelRegistry(model ? [model] : []);
    expect(registry.list().map((info) => info.id)).toEqual(["consensus"]);
    expect(registry.get("consensus")).toBe(model);
  });
});
