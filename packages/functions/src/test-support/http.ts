import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { createApp } from "../app";
import { randomIp } from "./users";

type App = ReturnType<typeof createApp>;

/** The app served by `@hono/node-server` on 127.0.0.1 and a free port: requests go over real HTTP. */
export interface ServedApp {
  url: string;
  /** `fetch` of an API path (`/auth/login`), JSON body when given, from a random client IP. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function serveOverLoopback(app: App): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    call(method, path, options = {}) {
      const headers: Record<string, string> = {
        "x-forwarded-for": randomIp(),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      };
      return fetch(`${url}/api/v1${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
