import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createDb } from "../db";
import { serviceFor } from "../service";

/** ElectroDB's model checks, the ones Lambda bundles leave out (infra/bundle-plugins.ts). */
const validations = createRequire(import.meta.url)("electrodb/src/validations.js") as {
  model(model: unknown): void;
  testModel(instance: unknown): [isModel: boolean, error: string];
};

const service = serviceFor(createDb({ table: "entities-test", endpoint: "http://127.0.0.1:9" }));
const entities = Object.entries(service.entities) as [string, { schema: unknown }][];

describe("the entities' models", () => {
  it("are all joined in the service", () => {
    expect(entities.length).toBeGreaterThanOrEqual(25);
  });

  it.each(entities)("%s passes ElectroDB's model schema", (_name, entity) => {
    expect(() => validations.model(entity.schema)).not.toThrow();
    expect(validations.testModel(entity.schema)[0]).toBe(true);
  });

  // What the bundles' stand-in answers without the schema: an entity is not a model.
  it.each(entities)("%s, as an entity, is not taken for a model", (_name, entity) => {
    expect(validations.testModel(entity)[0]).toBe(false);
  });
});
