/**
 * `npm run generate:api` (in packages/web): writes the API's OpenAPI document to
 * src/api/openapi.json and the types openapi-fetch uses to src/api/schema.d.ts.
 * e2e/api-types.test.ts fails when these are stale against the live document.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { liveOpenApiDocument } from "./openapi-document";
import { renderSchemaTypes } from "./schema-types";

const apiDir = resolve(import.meta.dirname, "../src/api");
const document = await liveOpenApiDocument();
writeFileSync(resolve(apiDir, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(resolve(apiDir, "schema.d.ts"), await renderSchemaTypes(document));
console.log("wrote src/api/openapi.json and src/api/schema.d.ts");
