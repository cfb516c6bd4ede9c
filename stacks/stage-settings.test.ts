import { readFileSync } from "node:fs";
import { configSchema } from "@market/core/config";
import { describe, expect, it } from "vitest";
import { appEnvironment, stageConfig, stageSettings } from "../stages";
import { dev } from "../stages/dev";
import { prod } from "../stages/prod";
import { type ModelSettings, notStageSettings } from "../stages/settings";
import { staging } from "../stages/staging";
import { senderIdentities } from "./Api";
import { bedrockModelArns } from "./Workflows";

const deployDoc = readFileSync(new URL("../docs/deploy.md", import.meta.url), "utf8");

describe("stage settings", () => {
  it("give prod its own settings and any other stage dev's", () => {
    expect(stageSettings("prod")).toBe(prod);
    expect(stageSettings("staging")).toBe(staging);
    expect(stageSettings("dev")).toBe(dev);
    expect(stageSettings("ada")).toBe(dev);
  });

  it("turn into the environment the app's config schema parses back to the same values", () => {
    const config = stageConfig(prod);
    expect(config.ADMIN_EMAILS).toEqual(prod.app.ADMIN_EMAILS);
    expect(config.POLYMARKET_GAMMA_URL).toBe(prod.app.POLYMARKET_GAMMA_URL);
    expect(appEnvironment(prod).ADMIN_EMAILS).toBe((prod.app.ADMIN_EMAILS ?? []).join(","));
    // Unset settings take the schema's default, the one place it is written.
    expect(stageConfig(dev).SESSION_TIMEOUT_SECONDS).toBe(
      configSchema.parse({}).SESSION_TIMEOUT_SECONDS,
    );
  });

  it("fail the synth on a bad value, naming the setting", () => {
    expect(() => appEnvironment({ ...dev, app: { PUBLIC_URL: "not a url" } })).toThrow(
      /PUBLIC_URL/,
    );
    expect(() => appEnvironment({ ...dev, app: { MIN_BET: -1 } })).toThrow(/MIN_BET/);
  });

  it("keep prod's data and dev's disposable", () => {
    expect(prod).toMatchObject({ data: "retain", logRetentionDays: 365 });
    expect(prod.alarmEmail).toMatch(/@/);
    expect(dev).toMatchObject({ data: "destroy", logRetentionDays: 30 });
  });

  it("are all documented in docs/deploy.md with their defaults", () => {
    const defaults = configSchema.parse({}) as Record<string, unknown>;
    for (const name of Object.keys(configSchema.shape)) {
      expect(deployDoc, name).toContain(`\`${name}\``);
      if ((notStageSettings as readonly string[]).includes(name)) continue;
      // A stage setting has its own row: | `NAME` | default | meaning |
      const row = deployDoc.split("\n").find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `${name} row`).toBeDefined();
      const value = defaults[name];
      const shown = Array.isArray(value) || value === undefined ? "–" : String(value);
      expect(row?.split("|")[2], `${name} default`).toContain(shown);
    }
    const modelSettings: (keyof ModelSettings)[] = [
      "OPENAI_COMPATIBLE_BASE_URL",
      "OPENAI_COMPATIBLE_MODELS",
      "BEDROCK_REGION",
      "BEDROCK_MODELS",
      "DISABLED_MODELS",
    ];
    for (const name of [...modelSettings, "OPENAI_COMPATIBLE_API_KEY"]) {
      expect(deployDoc, name).toContain(`\`${name}\``);
    }
  });
});

describe("bedrockModelArns", () => {
  it("grants the configured models only, in BEDROCK_REGION or the stage's region", () => {
    expect(
      bedrockModelArns(
        {
          BEDROCK_MODELS:
            "claude=anthropic.claude-3-haiku-20240307-v1:0,nova=amazon.nova-lite-v1:0",
        },
        "eu-west-1",
        "123",
      ),
    ).toEqual([
      "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
      "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0",
    ]);
    expect(
      bedrockModelArns(
        {
          BEDROCK_MODELS: "c=us.anthropic.claude-3-5-haiku-20241022-v1:0",
          BEDROCK_REGION: "us-west-2",
        },
        "us-east-1",
        "123",
      ),
    ).toEqual([
      "arn:aws:bedrock:us-west-2:123:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ]);
    expect(bedrockModelArns({}, "us-east-1", "123")).toEqual([]);
  });
});

describe("senderIdentities", () => {
  it("are the sender address and its domain, the SES identities it may send as", () => {
    expect(senderIdentities("Credits Market <no-reply@example.com>")).toEqual([
      "no-reply@example.com",
      "example.com",
    ]);
    expect(senderIdentities("ops@corp.example")).toEqual(["ops@corp.example", "corp.example"]);
  });
});
