import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { liveOpenApiDocument } from "../scripts/openapi-document";
import { renderSchemaTypes } from "../scripts/schema-types";

const apiDir = resolve(import.meta.dirname, "../src/api");
const stale = "stale: run `npm run generate:api -w @market/web` and commit the result";

describe("the web app's generated API client", () => {
  it("was generated from the API's current OpenAPI document", async () => {
    const live = await liveOpenApiDocument();
    const committed = JSON.parse(readFileSync(resolve(apiDir, "openapi.json"), "utf8"));
    expect(committed, `src/api/openapi.json is ${stale}`).toEqual(live);
    const types = await renderSchemaTypes(live);
    expect(
      readFileSync(resolve(apiDir, "schema.d.ts"), "utf8"),
      `src/api/schema.d.ts is ${stale}`,
    ).toBe(types);
  });
});
