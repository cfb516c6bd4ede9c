import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../test-support/app";
import { anOpenMarket } from "../test-support/core";
import {
  anAppWithAnAdmin,
  bearer,
  randomIp,
  registerUser,
  type SignedInUser,
} from "../test-support/users";
import { edgeCacheSeconds } from "./cache-control";

/**
 * The Cache-Control policy as a browser or CloudFront sees it: the real app
 * served over loopback HTTP, every header read off the wire.
 */
let base: string;
let close: () => void;
let admin: SignedInUser;
let user: SignedInUser;
let marketId: string;

beforeAll(async () => {
  const { setup, admin: registered } = await anAppWithAnAdmin();
  admin = registered;
  user = await registerUser(setup.app);
  marketId = await anOpenMarket(setup.core);
  const server = serve({ fetch: setup.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  close = () => server.close();
}, 60_000);

afterAll(() => close?.());

async function cacheControl(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { "x-forwarded-for": randomIp(), ...(init.headers as Record<string, string>) },
  });
  await response.arrayBuffer();
  return { status: response.status, cacheControl: response.headers.get("cache-control") };
}

describe("Cache-Control over HTTP", () => {
  it("never stores a login or a refresh, which carry tokens", async () => {
    const login = await cacheControl(
      "/auth/login",
      jsonRequest("POST", { email: user.user.email, password: user.password }),
    );
    expect(login).toEqual({ status: 200, cacheControl: "no-store" });
    const refresh = await cacheControl(
      "/auth/refresh",
      jsonRequest("POST", { refreshToken: user.refreshToken }),
    );
    expect(refresh).toEqual({ status: 200, cacheControl: "no-store" });
  });

  it.each([
    ["/users/me", "user"],
    ["/transactions/me", "user"],
    ["/bets/me", "user"],
    ["/predictions/quota", "user"],
    ["/dev/outbox", "admin"],
    ["/admin/users/:id", "admin"],
  ] as const)("never stores %s, personal data", async (path, who) => {
    const session = who === "admin" ? admin : user;
    const response = await cacheControl(path.replace(":id", user.user.id), {
      headers: bearer(session.accessToken),
    });
    expect(response).toEqual({ status: 200, cacheControl: "no-store" });
  });

  it("lets any cache keep anonymous market reads for 60 s", async () => {
    const publicFor60s = {
      status: 200,
      cacheControl: `public, max-age=${edgeCacheSeconds.markets}`,
    };
    expect(await cacheControl("/markets?status=open&limit=5")).toEqual(publicFor60s);
    expect(await cacheControl(`/markets/${marketId}`)).toEqual(publicFor60s);
    expect(await cacheControl(`/markets/${marketId}/odds-history`)).toEqual(publicFor60s);
    expect(edgeCacheSeconds.markets).toBe(60);
  });

  it("lets any cache keep anonymous leaderboards for 300 s, but never around=me", async () => {
    expect(await cacheControl("/leaderboard/pnl?period=week")).toEqual({
      status: 200,
      cacheControl: `public, max-age=${edgeCacheSeconds.leaderboard}`,
    });
    expect(edgeCacheSeconds.leaderboard).toBe(300);
    const aroundMe = await cacheControl("/leaderboard/volume?around=me", {
      headers: bearer(user.accessToken),
    });
    expect(aroundMe).toEqual({ status: 200, cacheControl: "no-store" });
    expect(await cacheControl("/leaderboard/volume?around=me")).toEqual({
      status: 401,
      cacheControl: "no-store",
    });
  });

  it("keeps a signed-in caller's public reads out of shared caches", async () => {
    for (const path of ["/markets", "/leaderboard/pnl"]) {
      expect(await cacheControl(path, { headers: bearer(user.accessToken) }), path).toEqual({
        status: 200,
        cacheControl: "private, no-cache",
      });
    }
  });

  it("never caches an error, even on a cached path", async () => {
    expect(await cacheControl("/markets?limit=100000")).toEqual({
      status: 400,
      cacheControl: "no-store",
    });
    expect(await cacheControl("/markets/no-such-market")).toEqual({
      status: 404,
      cacheControl: "no-store",
    });
  });

  it("revalidates other anonymous reads and leaves the docs assets' own header", async () => {
    expect(await cacheControl("/health")).toMatchObject({ cacheControl: "no-cache" });
    const docs = await fetch(`${base}/docs`);
    const html = await docs.text();
    const asset = /(?:src|href)="([^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const url = new URL(asset as string, `${base}/docs/`).href;
    expect((await fetch(url)).headers.get("cache-control")).toBe("public, max-age=86400");
  });
});
