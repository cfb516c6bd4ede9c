/**
 * `npm run synth -- --stage dev`: the whole SST app synthesized offline (see
 * scripts/synth/synth.ts) into `.sst/synth/<stage>`; prints a JSON summary.
 * Heavy (about 2 minutes): on the shared machine run it under `flock /tmp/heavy.lock`.
 */
import { synthStage } from "./synth/synth";

const stageArg = process.argv.find((arg) => arg.startsWith("--stage="))?.split("=")[1];
const stageIndex = process.argv.indexOf("--stage");
const stage = stageArg ?? (stageIndex >= 0 ? process.argv[stageIndex + 1] : undefined) ?? "dev";

const result = await synthStage(stage);
const summary = {
  stage: result.stage,
  directory: result.directory,
  seconds: result.seconds,
  awsCalls: result.awsCalls,
  stacks: Object.fromEntries(
    Object.entries(result.templates).map(([name, template]) => [
      name,
      Object.keys(template.Resources).length,
    ]),
  ),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
