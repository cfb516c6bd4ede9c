import { createRequire } from "node:module";
import { fakeLambdaArn, type StateMachineDefinition } from "../workflows/local-engine";

// asl-validator is CommonJS without types: one function from definition to verdict.
type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

/** asl-validator, for the workflow definition tests. */
export const validateAsl = createRequire(import.meta.url)("asl-validator") as AslValidator;

/** The ASL as Step Functions receives it: every `${Placeholder}` filled with an ARN. */
export function deployable(definition: StateMachineDefinition): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(definition).replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) =>
      fakeLambdaArn(name),
    ),
  );
}

/** Every state name, nested ones (Map processors) included. */
export function stateNames(definition: { States: Record<string, unknown> }): string[] {
  return Object.entries(definition.States).flatMap(([name, state]) => {
    const processor = (state as { ItemProcessor?: { States: Record<string, unknown> } })
      .ItemProcessor;
    return [name, ...(processor ? stateNames(processor) : [])];
  });
}
