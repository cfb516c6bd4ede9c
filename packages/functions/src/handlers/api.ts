import { loadConfig } from "@market/core/config";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app";
import { loadAppDeps } from "../deps";
import { withBoundSecrets } from "../secrets";
import { configureLambdaRuntime } from "./lambda-runtime";

configureLambdaRuntime();
// Built once per Lambda container (cold start), then reused by every request it serves.
const config = await withBoundSecrets(loadConfig());
const app = createApp(await loadAppDeps(config, { local: false }));

/** API Gateway HTTP API entry point: every route (`$default`) goes to the one Hono app. */
export const handler = handle(app);
