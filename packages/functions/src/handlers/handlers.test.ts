import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const handlers = ["api", "jobs", "session", "settlement"];

/** Probe code: records in `resolved` the URL of every module the process resolves. */
const recordResolved = `
import { registerHooks } from "node:module";
const resolved = [];
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    resolved.push(result.url);
    return result;
  },
});
`;

/**
 * Imports every Lambda entry point in a fresh Node process configured as in AWS
 * (it needs no network to get that far) and prints each module it resolved.
 */
const probe = `${recordResolved}for (const name of ${JSON.stringify(handlers)}) {
  const handler = await import(new URL(name + ".ts", ${JSON.stringify(import.meta.url)}).href);
  if (Object.keys(handler).length === 0) throw new Error(name + " exports no handler");
}
console.log(JSON.stringify(resolved));
`;

/**
 * Imports the API entry point, then sends it what API Gateway sends for
 * `GET /api/v1/config` (a route that reads no table), and prints the modules
 * resolved before and after the request.
 */
const lazyProbe = `${recordResolved}const { handler } = await import(new URL("api.ts", ${JSON.stringify(import.meta.url)}).href);
const atStart = [...resolved];
const { httpApiEvent } = await import(${JSON.stringify(new URL("../../../../scripts/lib/lambda-events.ts", import.meta.url).href)});
const response = await handler(httpApiEvent("GET", "/api/v1/config"), {});
console.log(JSON.stringify({ atStart, afterConfig: resolved, status: response.statusCode }));
`;

const awsEnvironment = {
  PATH: process.env.PATH,
  TABLE_NAME: "handlers-test",
  AWS_REGION: "us-east-1",
  JWT_SECRET: "a-secret-of-at-least-32-characters-for-the-test",
  EMAIL_TRANSPORT: "ses",
  EMAIL_FROM: "noreply@example.com",
  SETTLEMENT_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:settle",
  SESSION_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:session",
  LOG_LEVEL: "ERROR",
};

describe("the Lambda entry points", () => {
  it("load as in AWS without the local workflow engine (~130 ms of cold start)", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", probe],
      { cwd: fileURLToPath(new URL("../../../..", import.meta.url)), env: awsEnvironment },
    );

    const resolved = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as string[];
    expect(resolved.some((url) => url.endsWith("/handlers/api.ts"))).toBe(true);
    expect(resolved.filter((url) => url.includes("aws-local-stepfunctions"))).toEqual([]);
  }, 60_000);

  it("load the API's route groups on their first request only", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", lazyProbe],
      { cwd: fileURLToPath(new URL("../../../..", import.meta.url)), env: awsEnvironment },
    );

    const { atStart, afterConfig, status } = JSON.parse(
      stdout.trim().split("\n").at(-1) ?? "{}",
    ) as {
      atStart: string[];
      afterConfig: string[];
      status: number;
    };
    const groupModules = (urls: string[]) =>
      urls.filter((url) => /\/routes\/[a-z-]+\/[a-z-]+\.index\.ts$/.test(url));
    expect(atStart.some((url) => url.endsWith("/src/app.ts"))).toBe(true);
    expect(groupModules(atStart)).toEqual([]);
    expect(atStart.filter((url) => url.includes("/core/src/entities/"))).toEqual([]);
    expect(status).toBe(200);
    expect(groupModules(afterConfig).map((url) => url.split("/").pop())).toEqual([
      "config.index.ts",
    ]);
  }, 60_000);
});
