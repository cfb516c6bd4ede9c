import { loadConfig } from "@market/core/config";
import { handle, type LambdaContext } from "hono/aws-lambda";
import { createApp } from "../app";
import { loadAppDeps } from "../deps";
import { type EdgeEvent, fromEdge, notThroughTheEdge } from "../http/edge";
import { withBoundSecrets } from "../secrets";
import { configureLambdaRuntime } from "./lambda-runtime";
import { mapStackTracesOnDemand } from "./stack-traces";

// The API runs without --enable-source-maps (infra/bundling.ts): maps are read on a stack trace.
mapStackTracesOnDemand();
configureLambdaRuntime();
// Built once per Lambda container (cold start), then reused by every request it serves.
const config = await withBoundSecrets(loadConfig());
const app = createApp(await loadAppDeps(config, { local: false }));
const serve = handle(app);
type ApiGatewayEvent = Parameters<typeof serve>[0] & EdgeEvent;

/**
 * API Gateway HTTP API entry point: every route (`$default`) goes to the one
 * Hono app, as the CloudFront edge passed it (`http/edge.ts`).
 */
export const handler = async (event: ApiGatewayEvent, context: LambdaContext) => {
  const request = fromEdge(event, config.EDGE_ORIGIN_SECRET);
  return request ? serve(request, context) : notThroughTheEdge;
};
