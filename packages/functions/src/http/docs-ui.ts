import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./env";
import { errorResponse } from "./errors";

/**
 * The API docs page: Swagger UI from the app's own pinned `swagger-ui-dist`
 * dependency, served from this origin (no CDN, works offline), started by a
 * script file rather than an inline one so the page's CSP needs no
 * `unsafe-inline`.
 */
// A Map, not an object literal: a path like `constructor` or `__proto__` must
// find nothing, not a property of Object.prototype (issue 28).
const assets = new Map<string, { file: string; type: string }>([
  ["swagger-ui.css", { file: "swagger-ui.css", type: "text/css; charset=utf-8" }],
  [
    "swagger-ui-bundle.js",
    { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
  ],
]);

let distDir: string | null | undefined;
function swaggerDist(): string | null {
  if (distDir === undefined) {
    try {
      distDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    } catch {
      // A bundle that left the package out (e.g. a Lambda): the docs page says so.
      distDir = null;
    }
  }
  return distDir;
}

const cache = new Map<string, string>();

export function serveDocsUi(app: Hono<AppEnv>, docsPath: string, specUrl: string): void {
  const page = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Credits Market API</title>",
    `<link rel="stylesheet" href="${docsPath}/swagger-ui.css">`,
    `</head><body><div id="swagger-ui" data-spec-url="${specUrl}"></div>`,
    `<script src="${docsPath}/swagger-ui-bundle.js"></script>`,
    `<script src="${docsPath}/init.js"></script>`,
    "</body></html>",
  ].join("\n");
  const init = [
    'const root = document.getElementById("swagger-ui");',
    'window.ui = SwaggerUIBundle({ url: root.dataset.specUrl, dom_id: "#swagger-ui" });',
    "",
  ].join("\n");

  app.get(docsPath, (c) => c.html(page));
  app.get(`${docsPath}/init.js`, (c) =>
    c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get(`${docsPath}/:asset`, async (c) => {
    const asset = assets.get(c.req.param("asset"));
    const dir = swaggerDist();
    if (!asset || !dir) return errorResponse(c, 404, "NOT_FOUND", "No such docs asset");
    let body = cache.get(asset.file);
    if (body === undefined) {
      body = await readFile(join(dir, asset.file), "utf8");
      cache.set(asset.file, body);
    }
    return c.body(body, 200, {
      "content-type": asset.type,
      "cache-control": "public, max-age=86400",
    });
  });
}
