import createClient from "openapi-fetch";
import type { paths } from "../../../web/src/api/schema";
import type { createApp } from "../app";

type App = ReturnType<typeof createApp>;

/**
 * A client of the app typed by its own OpenAPI document (the types the web app
 * generates from it): paths, parameters, bodies and answers are checked, so a
 * test needs no string paths and no casts. Requests go to `app.request`, in
 * process; `token` signs them in.
 *
 * ```ts
 * const { data } = await apiClient(app, user.accessToken).GET("/api/v1/bets/me", {
 *   params: { query: { status: "pending" } },
 * });
 * ```
 *
 * Bad input stays with plain `app.request`: the types would refuse it.
 */
export function apiClient(app: App, token?: string) {
  return createClient<paths>({
    baseUrl: "http://app.test",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    fetch: (request) => Promise.resolve(app.request(request)),
  });
}
