import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api";
import { Schedules } from "./stacks/Schedules";
import { Storage } from "./stacks/Storage";
import { Web } from "./stacks/Web";
import { Workflows } from "./stacks/Workflows";

/** The AWS deployment: `npx sst deploy --stage <name>`; stage `prod` keeps its data. */
export default {
  config(input) {
    return { name: "credits-market", region: input.region ?? "us-east-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({
      // Same Node as local runs and tests (docs/decisions/0002-node-24.md).
      runtime: "nodejs24.x",
      // Graviton: cheaper per GB-second than x86 and nothing here is x86-only.
      architecture: "arm_64",
      // CPU grows with memory; scrypt password hashing alone needs 128 MiB per hash.
      memorySize: "1 GB",
      environment: { STAGE: app.stage },
      // ESM (SST's default, stated because handlers/api.ts relies on top-level await).
      nodejs: { format: "esm" },
    });
    app.stack(Storage).stack(Workflows).stack(Api).stack(Schedules).stack(Web);
  },
} satisfies SSTConfig;
