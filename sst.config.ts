import type { SSTConfig } from "sst";
import { nodejsProps, sourceMapsEnvironment } from "./infra/bundling";
import { Api } from "./stacks/Api";
import { Monitoring } from "./stacks/Monitoring";
import { Observability } from "./stacks/Observability";
import { Schedules } from "./stacks/Schedules";
import { Storage } from "./stacks/Storage";
import { useStage } from "./stacks/stage";
import { Web } from "./stacks/Web";
import { Workflows } from "./stacks/Workflows";

/**
 * The AWS deployment: `npx sst deploy --stage <name>`. Each stage's settings
 * are `stages/<stage>.ts` (docs/deploy.md); nothing is read from the shell.
 */
export default {
  config(input) {
    return { name: "credits-market", region: input.region ?? "us-east-1" };
  },
  stacks(app) {
    const stage = useStage(app);
    app.setDefaultFunctionProps({
      // Same Node as local runs and tests (docs/decisions/0002-node-24.md).
      runtime: "nodejs24.x",
      // Graviton: cheaper per GB-second than x86 and nothing here is x86-only.
      architecture: "arm_64",
      // CPU grows with memory, and password hashing (argon2id, packages/core/src/auth/password.ts) is CPU-bound.
      memorySize: "1 GB",
      tracing: "active",
      logRetention: stage.functionLogRetention,
      // Every function runs with the stage's settings (stages/<stage>.ts), checked by the config schema.
      environment: { STAGE: app.stage, ...stage.environment, ...sourceMapsEnvironment },
      // ESM (handlers use top-level await), minified, source maps, local-only code left out.
      nodejs: nodejsProps(),
    });
    app
      .stack(Storage)
      .stack(Monitoring)
      .stack(Workflows)
      .stack(Api)
      .stack(Schedules)
      .stack(Web)
      .stack(Observability);
  },
} satisfies SSTConfig;
