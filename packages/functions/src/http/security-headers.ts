import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

const none = ["'none'"];

/**
 * API responses are JSON for programs, never a page: nothing may load, frame
 * or submit from them (`default-src 'none'`), plus nosniff, DENY framing,
 * no referrer and same-origin resource policy.
 */
const apiHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: none,
    frameAncestors: none,
    baseUri: none,
    formAction: none,
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  crossOriginResourcePolicy: "same-origin",
});

/** The docs page runs only the bundled Swagger UI served from this origin, and fetches only from it. */
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: none,
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    frameAncestors: none,
    baseUri: none,
    formAction: none,
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  crossOriginResourcePolicy: "same-origin",
});

/** Security headers for everything under the API base; the docs UI gets the one CSP it needs. */
export function apiSecurityHeaders(docsPath: string): MiddlewareHandler {
  return (c, next) =>
    c.req.path === docsPath || c.req.path.startsWith(`${docsPath}/`)
      ? docsHeaders(c, next)
      : apiHeaders(c, next);
}
