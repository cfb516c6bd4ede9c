import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/app";
import { pickEncoding } from "./static-files";

/** A build as Vite writes it: the page, hashed assets, and a public file. */
const dist = mkdtempSync(join(tmpdir(), "web-dist-"));
const indexHtml = `<!doctype html><html><head><title>Credits Market</title>${'<link rel="modulepreload" href="/assets/chunk.js">'.repeat(30)}<script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`;
const script = `export const markets = [${Array.from({ length: 400 }, (_, i) => `{ id: "m_${i}", title: "Will market ${i} resolve Yes?" }`).join(", ")}];`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
mkdirSync(join(dist, "assets"));
writeFileSync(join(dist, "index.html"), indexHtml);
writeFileSync(join(dist, "assets", "index-Ab12Cd34.js"), script);
writeFileSync(join(dist, "assets", "logo-Zz99.png"), png);
writeFileSync(join(dist, "robots.txt"), "User-agent: *\n");

let server: Server;
let origin: string;

beforeAll(async () => {
  const { app } = await createTestApp({ webDistDir: dist });
  server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

/** A GET over loopback that hands back the bytes as sent (no decoding, unlike fetch). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    const request = httpGet(`${origin}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        done({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on("error", fail);
    request.end();
  });
}

describe("the web app served by npm start", () => {
  it.each([
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const)(
    "sends hashed assets %s-compressed and cached for a year",
    async (encoding, decode) => {
      const response = await get("/assets/index-Ab12Cd34.js", {
        "accept-encoding": encoding === "br" ? "gzip, deflate, br" : "gzip, deflate",
      });

      expect(response.status).toBe(200);
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers["content-type"]).toMatch(/^text\/javascript/);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decode(response.body).toString()).toBe(script);
      expect(response.body.length).toBeLessThan(script.length / 5);
    },
  );

  it("sends the file as it is to a client that accepts no compression", async () => {
    const response = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "identity" });

    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body.toString()).toBe(script);
  });

  it("serves index.html compressed but never cached without asking, for any app route", async () => {
    for (const path of ["/", "/markets/m_1", "/predict/m_1/s_2"]) {
      const response = await get(path, { "accept-encoding": "br" });

      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.headers["content-encoding"]).toBe("br");
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toMatch(/default-src 'self'/);
      expect(brotliDecompressSync(response.body).toString()).toBe(indexHtml);
    }
  });

  it("answers a revalidation of an unchanged file with 304 and no body", async () => {
    const first = await get("/", { "accept-encoding": "gzip" });
    const again = await get("/", {
      "accept-encoding": "gzip",
      "if-none-match": String(first.headers.etag),
    });
    const otherEncoding = await get("/", {
      "accept-encoding": "br",
      "if-none-match": String(first.headers.etag),
    });

    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another representation: sent in full.
    expect(otherEncoding.status).toBe(200);
  });

  it("leaves images as they are and public files revalidated", async () => {
    const image = await get("/assets/logo-Zz99.png", { "accept-encoding": "br, gzip" });
    const robots = await get("/robots.txt", { "accept-encoding": "br, gzip" });

    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.body.equals(png)).toBe(true);
    expect(robots.headers["cache-control"]).toBe("no-cache");
    expect(robots.body.length).toBeGreaterThan(0);
  });

  it("answers a missing hashed asset 404 (not the page) and keeps out of the build's folder", async () => {
    expect((await get("/assets/index-old.js")).status).toBe(404);
    const outside = await get("/..%2f..%2fetc%2fpasswd");
    expect(outside.body.toString()).not.toMatch(/root:/);
    expect((await get("/api/v1/health")).headers["content-type"]).toMatch(/json/);
  });
});

describe("pickEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0.5", "gzip"],
    ["*", "br"],
    ["deflate", "identity"],
    [undefined, "identity"],
  ] as const)("%s → %s", (header, encoding) => {
    expect(pickEncoding(header)).toBe(encoding);
  });
});
