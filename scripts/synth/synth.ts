import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { repoRoot } from "../lib/paths";
import { startFakeAws } from "./fake-aws";

/** A CloudFormation template as written by the synth. */
export interface Template {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }
  >;
  Outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SynthResult {
  stage: string;
  /** The cloud assembly: templates, manifest and every function's bundle (`asset.<hash>`). */
  directory: string;
  /** Each bundle's esbuild metafile, by entry (see infra/bundling.ts). */
  metafileDirectory: string;
  /** Templates by stack name (`Api`, `Workflows`, ...). */
  templates: Record<string, Template>;
  /** The AWS calls `sst build` made (answered by the loopback fake). */
  awsCalls: string[];
  seconds: number;
}

/** Where `npm run synth` writes a stage: `.sst/synth/<stage>`. */
export function synthDirectory(stage: string): string {
  return join(repoRoot, ".sst", "synth", stage);
}

/** Reads the templates of a synth directory written earlier. */
export function readTemplates(directory: string): Record<string, Template> {
  const templates: Record<string, Template> = {};
  for (const file of readdirSync(directory)) {
    const match = file.match(/^[^-]+-[a-z0-9-]+?-([A-Za-z]+)\.template\.json$/);
    if (match?.[1]) {
      templates[match[1]] = JSON.parse(readFileSync(join(directory, file), "utf8")) as Template;
    }
  }
  return templates;
}

/**
 * `sst build --stage <stage>` offline: STS and CloudFormation are answered by a
 * loopback fake (no credentials, no network), so the real stacks synthesize,
 * every function is bundled as a deploy would bundle it, and the templates
 * land in {@link synthDirectory}. Nothing of the calling shell's AWS setup or
 * app settings is passed on: stages/<stage>.ts is the only input.
 */
export async function synthStage(
  stage: string,
  options: { directory?: string; quiet?: boolean } = {},
): Promise<SynthResult> {
  const directory = resolve(options.directory ?? synthDirectory(stage));
  const metafileDirectory = join(directory, "bundles");
  rmSync(directory, { recursive: true, force: true });
  const fake = await startFakeAws();
  const started = performance.now();
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      ...fake.environment("us-east-1"),
      SST_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
      BUNDLE_METAFILE_DIR: metafileDirectory,
    };
    const output: string[] = [];
    const child = spawn(
      join(repoRoot, "node_modules", ".bin", "sst"),
      ["build", "--stage", stage, "--to", directory],
      { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const code = await new Promise<number | null>((done) => child.on("exit", done));
    if (code !== 0) {
      throw new Error(
        `sst build --stage ${stage} exited with ${code}:\n${output.join("").slice(-4000)}`,
      );
    }
    return {
      stage,
      directory,
      metafileDirectory,
      templates: readTemplates(directory),
      awsCalls: [...fake.actions],
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await fake.stop();
  }
}
