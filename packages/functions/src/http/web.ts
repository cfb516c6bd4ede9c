import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

/**
 * What the SPA may load: its own scripts, styles, images and API, nothing
 * inline and nothing from elsewhere (React's `style` props go through the
 * CSSOM, which `style-src 'self'` allows). `data:` images are the favicon.
 */
export const webContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers on every SPA response (the API's own come from its middleware). */
const webSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.path.startsWith("/api/")) return;
  c.header("Content-Security-Policy", webContentSecurityPolicy);
  c.header("X-Frame-Options", "DENY");
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
};

/**
 * Serves the built SPA for `npm start`: its files as they are, and `index.html`
 * for any other non-API path so client-side routes survive a reload. In AWS the
 * SPA is a static site of its own and this is not used.
 */
export function serveWeb(app: Hono<AppEnv>, distDir: string): void {
  const indexPath = join(distDir, "index.html");
  const notBuilt =
    "<!doctype html><title>Credits Market</title><p>The web app is not built yet. " +
    "Run <code>npm run build:web</code> (npm start does it for you).</p>";
  let indexHtml: string | undefined;

  app.use("*", webSecurityHeaders);
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return serveStatic({ root: distDir })(c, next);
  });
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    // A missing build file is a 404, not the SPA page (only client routes get it).
    if (c.req.path.startsWith("/assets/")) return c.text("No such asset", 404);
    indexHtml ??= existsSync(indexPath) ? readFileSync(indexPath, "utf8") : undefined;
    // The page itself is never cached, so a new build is picked up on reload;
    // the hashed assets it points at can be cached for good.
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml ?? notBuilt, indexHtml ? 200 : 503);
  });
}
