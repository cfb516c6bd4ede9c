import { describe, expect, it } from "vitest";
import { deployable, stateNames, validateAsl } from "../../test-support/asl";
import { sessionDefinition, sessionPlaceholders } from "./definition";

const definition = sessionDefinition({ timeoutSeconds: 600, modelConcurrency: 1 });

describe("session.asl.json", () => {
  it("is valid Amazon States Language, paths and ARNs included", () => {
    const { isValid, errorsText } = validateAsl(deployable(definition), {
      checkPaths: true,
      checkArn: true,
    });
    expect(errorsText()).toBe("");
    expect(isValid).toBe(true);
  });

  it("uses exactly the task placeholders the infra fills", () => {
    const names = [...JSON.stringify(definition).matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map(
      (match) => match[1],
    );
    expect(new Set(names)).toEqual(new Set(sessionPlaceholders));
  });

  it.each(stateNames(definition))('names a state as a sentence: "%s"', (name) => {
    expect(name).toMatch(/^[A-Z][a-z]*( [a-z]+)+[a-z?]$/);
  });

  it("takes its timeout and model concurrency from configuration", () => {
    const custom = sessionDefinition({ timeoutSeconds: 42, modelConcurrency: 3 }) as unknown as {
      TimeoutSeconds: number;
      States: Record<string, { MaxConcurrency?: number }>;
    };
    expect(custom.TimeoutSeconds).toBe(42);
    expect(custom.States["Run each selected model"]?.MaxConcurrency).toBe(3);
  });
});
