import { dev } from "./dev";
import { prod } from "./prod";
import type { StageSettings } from "./settings";
import { staging } from "./staging";

export { appEnvironment, type EdgeSettings, type StageSettings, stageConfig } from "./settings";

/** The stage whose data is real. */
export const productionStage = "prod";

const stages: Record<string, StageSettings> = { dev, staging, prod };

/** A stage's settings: `stages/<stage>.ts`, and `dev`'s for any other (personal) stage. */
export function stageSettings(stage: string): StageSettings {
  return stages[stage] ?? dev;
}
