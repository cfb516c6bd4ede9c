import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "@market/core/config";
import { loadModelRegistry } from "@market/core/predictions/models";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withBoundSecrets } from "./secrets";

/** A loopback SSM (JSON 1.1 protocol) holding the given parameters; records each request. */
function fakeSsm(parameters: Record<string, string>) {
  const requests: { target: string; names: string[] }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const { Names = [] } = JSON.parse(body || "{}") as { Names?: string[] };
      requests.push({ target: String(request.headers["x-amz-target"]), names: Names });
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      response.end(
        JSON.stringify({
          Parameters: Names.filter((name) => name in parameters).map((name) => ({
            Name: name,
            Value: parameters[name],
            Type: "SecureString",
          })),
          InvalidParameters: Names.filter((name) => !(name in parameters)),
        }),
      );
    });
  });
  return { server, requests };
}

const bound = {
  SST_APP: "credits-market",
  SST_STAGE: "dev",
  SST_SSM_PREFIX: "/sst/credits-market/dev/",
  SST_Secret_value_OPENAI_COMPATIBLE_API_KEY: "__FETCH_FROM_SSM__",
  OPENAI_COMPATIBLE_BASE_URL: "https://models.example.com/v1",
  OPENAI_COMPATIBLE_MODELS: "remote=vendor/model",
};

describe("withBoundSecrets", () => {
  const ssm = fakeSsm({
    "/sst/credits-market/dev/Secret/OPENAI_COMPATIBLE_API_KEY/value": "sk-stage-key",
  });
  let server: Server;

  beforeAll(async () => {
    server = ssm.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv("AWS_ENDPOINT_URL_SSM", `http://127.0.0.1:${port}`);
    vi.stubEnv("AWS_REGION", "us-east-1");
    vi.stubEnv("AWS_ACCESS_KEY_ID", "test");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "test");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise((resolve) => server.close(resolve));
  });

  it("returns the configuration untouched when no secret is bound (local runs)", async () => {
    const config = loadConfig({ TABLE_NAME: "t" });
    expect(await withBoundSecrets(config)).toBe(config);
    expect(ssm.requests).toEqual([]);
  });

  it("reads a bound secret from SSM with decryption, by SST's path", async () => {
    const env = await withBoundSecrets(loadConfig(bound));

    expect(env.OPENAI_COMPATIBLE_API_KEY).toBe("sk-stage-key");
    expect(ssm.requests.at(-1)).toEqual({
      target: "AmazonSSM.GetParameters",
      names: ["/sst/credits-market/dev/Secret/OPENAI_COMPATIBLE_API_KEY/value"],
    });
    expect(
      loadModelRegistry(env)
        .list()
        .find((model) => model.id === "remote"),
    ).toMatchObject({
      available: true,
    });
  });

  it("tries the app's fallback, then leaves a missing secret out: only that model is unavailable", async () => {
    const env = await withBoundSecrets(
      loadConfig({ ...bound, SST_SSM_PREFIX: "/sst/credits-market/prod/" }),
    );

    expect(env.OPENAI_COMPATIBLE_API_KEY).toBeUndefined();
    expect(ssm.requests.slice(-2).map((request) => request.names[0])).toEqual([
      "/sst/credits-market/prod/Secret/OPENAI_COMPATIBLE_API_KEY/value",
      "/sst/credits-market/.fallback/Secret/OPENAI_COMPATIBLE_API_KEY/value",
    ]);
    const models = loadModelRegistry(env).list();
    expect(models.find((model) => model.id === "remote")).toMatchObject({ available: false });
    expect(models.filter((model) => model.provider === "local").every((m) => m.available)).toBe(
      true,
    );
  });

  it("does not fail when SSM cannot be reached: the secret is just missing", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:9");
    try {
      const env = await withBoundSecrets(loadConfig(bound));
      expect(env.OPENAI_COMPATIBLE_API_KEY).toBeUndefined();
    } finally {
      const { port } = server.address() as AddressInfo;
      vi.stubEnv("AWS_ENDPOINT_URL_SSM", `http://127.0.0.1:${port}`);
    }
  });
});
