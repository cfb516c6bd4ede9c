import type { Context, Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { createStaticFiles, pickEncoding, type StaticFile } from "./static-files";
import { webSecurityHeaders } from "./web-headers";

/** Headers on every SPA response (the API's own come from its middleware). */
const sendWebSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.path.startsWith("/api/")) return;
  for (const [name, value] of Object.entries(webSecurityHeaders)) c.header(name, value);
};

/** Vite names the files under `assets/` by their content: they never change. */
const hashedAssets = "/assets/";
const forever = "public, max-age=31536000, immutable";

/** A file of the build in the encoding the client accepts, or 304 when it has it already. */
async function sendFile(
  c: Context<AppEnv>,
  file: StaticFile,
  cacheControl: string,
  status: 200 | 503 = 200,
): Promise<Response> {
  const encoded = await file.encoded;
  const wanted = pickEncoding(c.req.header("accept-encoding"));
  const encoding = wanted !== "identity" && encoded[wanted] ? wanted : "identity";
  const body = encoding === "identity" ? file.body : (encoded[encoding] as Buffer);
  const etag = `"${file.etag}${encoding === "identity" ? "" : `-${encoding}`}"`;
  c.header("Cache-Control", cacheControl);
  c.header("ETag", etag);
  // Only files with a compressed form answer differently by Accept-Encoding.
  if (encoded.br || encoded.gzip) c.header("Vary", "Accept-Encoding");
  const known = (c.req.header("if-none-match") ?? "").split(",").map((tag) => tag.trim());
  if (status === 200 && known.includes(etag)) return c.body(null, 304);
  c.header("Content-Type", file.type);
  if (encoding !== "identity") c.header("Content-Encoding", encoding);
  return c.body(new Uint8Array(body), status);
}

/**
 * Serves the built SPA for `npm start`: each file compressed once (brotli or
 * gzip, by `Accept-Encoding`) and kept in memory; hashed assets cached for a
 * year, everything else revalidated (`no-cache`, with an ETag); `index.html`
 * for any other non-API path so client-side routes survive a reload. In AWS
 * the SPA is a static site of its own and this is not used.
 */
export function serveWeb(app: Hono<AppEnv>, distDir: string): void {
  const files = createStaticFiles(distDir);
  // Compress the build before the first visitor asks for it.
  // A file that cannot be read now is read (or found missing) on its first request.
  files.warm().catch(() => {});
  const notBuilt =
    "<!doctype html><title>Credits Market</title><p>The web app is not built yet. " +
    "Run <code>npm run build:web</code> (npm start does it for you).</p>";

  app.use("*", sendWebSecurityHeaders);
  app.get("*", async (c, next) => {
    const { path } = c.req;
    if (path.startsWith("/api/")) return next();
    const file = path.endsWith("/") ? null : files.get(path);
    if (file) return sendFile(c, file, path.startsWith(hashedAssets) ? forever : "no-cache");
    // A missing hashed file is a stale page asking for an old build: a 404, not the page.
    if (path.startsWith(hashedAssets)) return c.text("Not found", 404);
    const index = files.get("/index.html");
    // The page itself is never cached without asking, so a new build is picked
    // up on reload; the hashed assets it points at are cached for good.
    if (index) return sendFile(c, index, "no-cache");
    c.header("Cache-Control", "no-cache");
    return c.html(notBuilt, 503);
  });
}
