import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Context, Hono } from "hono";
import type { AppDeps } from "../deps";
import type { RouteGroupLoader } from "../routes/groups";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { notFoundHandler } from "./method-not-allowed";

/** What the app's own middleware sets before a group serves the request. */
const inherited = ["core", "services", "requestId"] as const;

/** The app's context of each request a group is serving, so the group sees the same variables. */
const appContexts = new WeakMap<Request, Context<AppEnv>>();

/**
 * Loads a group's router once `@hono/zod-openapi` has extended zod with
 * `.openapi()`. A group's modules call it as they load, and in a code-split
 * bundle the module that extends zod can sit in a chunk that esbuild evaluates
 * after theirs (a module that imports only `z` from it is bound to zod's own
 * chunk), so the extension is run first, explicitly.
 */
async function loadGroup(
  load: RouteGroupLoader | undefined,
  deps: Pick<AppDeps, "email">,
): Promise<OpenAPIHono<AppEnv> | undefined> {
  await import("@hono/zod-openapi");
  return load?.(deps);
}

/**
 * A group's router as an app of its own, mounted under `base`: it takes the
 * variables the app's middleware set, and answers errors and unknown paths
 * under its segment exactly as the app does (the error table, 404 or 405).
 */
function groupApp(base: string, router: OpenAPIHono<AppEnv>): Hono<AppEnv> {
  const group = new Hono<AppEnv>();
  group.use("*", async (c, next) => {
    const app = appContexts.get(c.req.raw);
    if (app) for (const name of inherited) c.set(name, app.var[name] as never);
    await next();
    // And back: the app's request log names the caller the group authenticated.
    const caller = c.get("caller");
    if (app && caller) app.set("caller", caller);
  });
  group.route(base, router);
  group.onError(handleError);
  group.notFound(notFoundHandler(group));
  return group;
}

/**
 * Serves `<base>/<segment>/...` with the route group of that segment, importing
 * the group on its first request (see `routes/groups.ts`). The app's middleware
 * has run by then; the group's response goes back through it.
 */
export function serveRouteGroups(
  app: Hono<AppEnv>,
  base: string,
  groups: Record<string, RouteGroupLoader>,
  deps: Pick<AppDeps, "email">,
): void {
  const loaded = new Map<string, Promise<Hono<AppEnv> | undefined>>();
  const load = (segment: string) => {
    let group = loaded.get(segment);
    if (!group) {
      group = loadGroup(groups[segment], deps).then((router) => router && groupApp(base, router));
      // A failed import is tried again by the next request rather than remembered.
      group.catch(() => loaded.delete(segment));
      loaded.set(segment, group);
    }
    return group;
  };

  app.all(`${base}/*`, async (c) => {
    const segment = c.req.path.slice(base.length + 1).split("/")[0] ?? "";
    const group = Object.hasOwn(groups, segment) ? await load(segment) : undefined;
    if (!group) return c.notFound();
    appContexts.set(c.req.raw, c);
    const response = await group.fetch(c.req.raw, c.env);
    // Through the app's context, so headers its middleware set before `next()`
    // (the request id) are on the group's response too.
    return c.newResponse(response.body, response);
  });
}

/**
 * The OpenAPI document of every group the deps serve, built as if every router
 * were mounted on one `OpenAPIHono` (the order of `groups`), so it lists every
 * route whether or not its group has been loaded.
 */
export async function routeGroupsDocument(
  base: string,
  groups: Record<string, RouteGroupLoader>,
  deps: Pick<AppDeps, "email">,
  document: Parameters<OpenAPIHono["getOpenAPIDocument"]>[0],
) {
  const { OpenAPIHono } = await import("@hono/zod-openapi");
  const routers = await Promise.all(Object.values(groups).map((load) => loadGroup(load, deps)));
  const all = new OpenAPIHono<AppEnv>();
  for (const router of routers) if (router) all.route(base, router);
  all.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  return all.getOpenAPIDocument(document);
}
