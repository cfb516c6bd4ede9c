import openapiTS, { astToString } from "openapi-typescript";

const banner =
  "/**\n * Generated from the API's OpenAPI document by `npm run generate:api -w @market/web`.\n * Do not edit by hand.\n */\n\n";

/** The TypeScript types openapi-fetch needs, for this document (deterministic). */
export async function renderSchemaTypes(document: unknown): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript takes any OpenAPI 3 object.
  const ast = await openapiTS(document as any, { alphabetize: true });
  return banner + astToString(ast);
}
