import { readdirSync } from "node:fs";
import { OutboxEmailSender } from "@market/core/email";
import { describe, expect, it } from "vitest";
import { routeGroups } from "./groups";

const routesDir = new URL(".", import.meta.url);
const deps = { email: new OutboxEmailSender("/nonexistent") };

describe("the route groups", () => {
  it("list every routes/<group>/<group>.index.ts, by its folder name", () => {
    const folders = readdirSync(routesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) =>
        readdirSync(new URL(`${entry.name}/`, routesDir)).includes(`${entry.name}.index.ts`),
      )
      .map((entry) => entry.name);
    expect(Object.keys(routeGroups).sort()).toEqual(folders.sort());
  });

  it.each(Object.keys(routeGroups))(
    "serve only paths under /%s, which no other group serves",
    async (segment) => {
      const router = await routeGroups[segment]?.(deps);
      const paths = (router?.routes ?? []).map((route) => route.path);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        expect(path === `/${segment}` || path.startsWith(`/${segment}/`), path).toBe(true);
      }
    },
  );

  it("leave out the development routes where email does not go to the outbox", () => {
    const ses = { send: () => Promise.resolve() };
    expect(routeGroups.dev?.({ email: ses })).toBeUndefined();
  });
});
