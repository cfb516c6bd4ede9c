import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Headers between the CloudFront distribution and the API (`infra/edge.ts`).
 * The viewer-request function sets the first three on every `/api/*` request
 * (a client's own values are overwritten); the origin adds the secret.
 */
export const edgeHeaders = {
  /** The viewer's IP address, as CloudFront saw it. */
  viewerAddress: "x-cdn-viewer-address",
  /** A copy of `Authorization`, which a cached behaviour cannot forward. */
  authorization: "x-cdn-authorization",
  /** `signed-in` or `anonymous`: the cached behaviours key on it. */
  audience: "x-cdn-audience",
  /** The stage's origin secret (`EDGE_ORIGIN_SECRET`): the request came through the edge. */
  originSecret: "x-cdn-origin-secret",
} as const;

const digest = (value: string) => createHash("sha256").update(value).digest();

/** What the API sends to a request that went around the edge (and its WAF). */
export const notThroughTheEdge = {
  statusCode: 403,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify({
    error: { code: "FORBIDDEN", message: "Call the API through the site's address" },
  }),
  isBase64Encoded: false,
};

/** The parts of an API Gateway (HTTP API) event the edge speaks through. */
export interface EdgeEvent {
  headers: Record<string, string | undefined>;
  requestContext: { http: { sourceIp: string } };
}

/**
 * Reads an API Gateway event as the app should see it. With a secret (every
 * deployed stage but `sst dev`), a request without it is refused, and one with
 * it gets the viewer's address as its source IP (so per-IP limits count the
 * real client, not a CloudFront edge) and its `Authorization` back from the
 * copy. Without a secret, the edge headers are dropped, never trusted.
 */
export function fromEdge<E extends EdgeEvent>(
  event: E,
  originSecret: string | undefined,
): E | undefined {
  const headers: Record<string, string | undefined> = { ...event.headers };
  const sent = headers[edgeHeaders.originSecret];
  const viewerAddress = headers[edgeHeaders.viewerAddress];
  const authorization = headers[edgeHeaders.authorization];
  for (const name of Object.values(edgeHeaders)) delete headers[name];
  if (!originSecret) return { ...event, headers };
  if (!sent || !timingSafeEqual(digest(sent), digest(originSecret))) return undefined;
  if (authorization && !headers.authorization) headers.authorization = authorization;
  const http = event.requestContext.http;
  return {
    ...event,
    headers,
    requestContext: {
      ...event.requestContext,
      http: { ...http, sourceIp: viewerAddress || http.sourceIp },
    },
  };
}
