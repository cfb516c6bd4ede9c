import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fakeLambdaArn } from "../local-engine";
import { settlementDefinition } from "./definition";

// asl-validator is CommonJS without types: one function from definition to verdict.
type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
const validateAsl = createRequire(import.meta.url)("asl-validator") as AslValidator;

/** The ASL as Step Functions receives it: every `${Placeholder}` filled with an ARN. */
function deployable(): Record<string, unknown> {
  const text = JSON.stringify(settlementDefinition());
  return JSON.parse(
    text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => fakeLambdaArn(name)),
  );
}

describe("settlement.asl.json", () => {
  it("is valid Amazon States Language, paths and ARNs included", () => {
    const { isValid, errorsText } = validateAsl(deployable(), { checkPaths: true, checkArn: true });
    expect(errorsText()).toBe("");
    expect(isValid).toBe(true);
  });

  it("has only the two task placeholders the infra fills", () => {
    const text = JSON.stringify(settlementDefinition());
    const names = [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]);
    expect(new Set(names)).toEqual(
      new Set(["SettlePageFunctionArn", "FinishSettlementFunctionArn"]),
    );
  });

  const states = Object.entries(settlementDefinition().States);

  it.each(states.map(([name]) => name))('names a state as a sentence: "%s"', (name) => {
    // Sentence case: two or more words, only the first capitalised, maybe a closing "?".
    expect(name).toMatch(/^[A-Z][a-z]*( [a-z]+)+[a-z?]$/);
  });

  it.each(states)('explains "%s" with a Comment', (_, state) => {
    expect(state.Comment?.length).toBeGreaterThan(10);
  });
});
