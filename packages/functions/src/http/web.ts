import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { webSecurityHeaders } from "./web-headers";

/** Headers on every SPA response (the API's own come from its middleware). */
const sendWebSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.path.startsWith("/api/")) return;
  for (const [name, value] of Object.entries(webSecurityHeaders)) c.header(name, value);
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

  app.use("*", sendWebSecurityHeaders);
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return serveStatic({ root: distDir })(c, next);
  });
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    indexHtml ??= existsSync(indexPath) ? readFileSync(indexPath, "utf8") : undefined;
    // The page itself is never cached, so a new build is picked up on reload;
    // the hashed assets it points at can be cached for good.
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml ?? notBuilt, indexHtml ? 200 : 503);
  });
}
