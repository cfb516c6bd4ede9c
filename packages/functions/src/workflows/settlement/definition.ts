import type { StateMachineDefinition } from "../local-engine";
import asl from "./settlement.asl.json";

/**
 * The settlement workflow, parsed: the one definition both the local engine and
 * the deployed state machine (`infra/settlement-state-machine.ts`) run.
 */
export function settlementDefinition(): StateMachineDefinition {
  // The JSON import widens `"Type": "Task"` to string; the engine validates it on construction.
  return structuredClone(asl) as StateMachineDefinition;
}
