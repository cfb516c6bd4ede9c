import { mkdirSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type { BuildOptions, Metafile, Plugin } from "esbuild";
import {
  electroDbCommandsOnly,
  electroDbModelsChecked,
  englishZodLocaleOnly,
  keepLocalCodeOut,
} from "./bundle-plugins";

/**
 * How every Lambda is bundled, in one place: `sst.config.ts` gives these
 * options to SST (which runs esbuild with them), and the bundle test and
 * `npm run bench:bundles` build with exactly the same options through
 * {@link buildLambdaBundle}.
 */

/** The local workflow engine and its validators: never in a Lambda. */
export const localOnlyPackages = [
  "aws-local-stepfunctions",
  "asl-validator",
  "asl-path-validator",
  "ajv",
  "jsonata",
  "jsonpath-plus",
] as const;

/** The remote-model SDKs: only the task that runs a model (`session.runModel`) loads them. */
export const remoteModelPackages = ["ai", "@ai-sdk/*"] as const;

/**
 * Where {@link writeMetafile} puts each bundle's esbuild metafile (outside the
 * Lambda zip): `BUNDLE_METAFILE_DIR` (set by `npm run synth`), else `.sst/bundles`.
 */
export function metafileDir(root = process.cwd()): string {
  return resolve(root, process.env.BUNDLE_METAFILE_DIR ?? ".sst/bundles");
}

/** `packages/functions/src/handlers/api.ts` → `<dir>/packages-functions-src-handlers-api.json`. */
export function metafilePath(entry: string, dir = metafileDir(), root = process.cwd()): string {
  const name = relative(root, resolve(root, entry)).replace(/\.[cm]?[jt]sx?$/, "");
  return join(dir, `${name.replace(/[\\/]/g, "-")}.json`);
}

/** Writes each build's metafile under {@link metafileDir}, for the bundle test. */
export const writeMetafile: Plugin = {
  name: "write-metafile",
  setup(build) {
    const entries = build.initialOptions.entryPoints;
    const entry = Array.isArray(entries) ? entries[0] : undefined;
    build.onEnd((result) => {
      if (!result.metafile || typeof entry !== "string") return;
      const file = metafilePath(entry);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(result.metafile));
    });
  },
};

/** The esbuild options SST takes as `nodejs.esbuild` (they override its own). */
function esbuildOverrides(external: readonly string[]): BuildOptions {
  return {
    external: [...external],
    // Stack traces need the mappings, not the sources: with them Node reads and
    // parses three times the JSON at every cold start (--enable-source-maps
    // loads each chunk's map as the chunk loads).
    sourcesContent: false,
    plugins: [
      keepLocalCodeOut,
      englishZodLocaleOnly,
      electroDbModelsChecked,
      electroDbCommandsOnly,
      writeMetafile,
    ],
  };
}

/** A function's bundle: what it leaves out besides the local-only code. */
export interface BundleProfile {
  /** Packages left as imports, never loaded by this function's code paths. */
  external?: readonly string[];
}

/** The API lists models and never runs one: the model SDKs stay out of its bundle. */
export const apiBundle: BundleProfile = { external: remoteModelPackages };

/**
 * SST's `nodejs` props for a function: ESM, minified, source maps, and code
 * split so that what runs only on some paths (the AWS credential providers
 * other than the environment, SES, SSM, a model's SDK) is a chunk loaded on
 * first use instead of parsed at every cold start.
 */
export function nodejsProps(profile: BundleProfile = {}) {
  return {
    format: "esm" as const,
    minify: true,
    // Kept beside the bundle (`.mjs.map`); NODE_OPTIONS=--enable-source-maps maps stack
    // traces (the API maps them itself: apiSourceMapsEnvironment).
    sourcemap: true,
    splitting: true,
    esbuild: esbuildOverrides(profile.external ?? []),
  };
}

/** The environment variable that makes Node use the bundled source maps in stack traces. */
export const sourceMapsEnvironment = { NODE_OPTIONS: "--enable-source-maps" } as const;

/**
 * The API's instead (it overrides the default above): no `--enable-source-maps`,
 * which parses every chunk's map as the chunk loads (20 to 35 ms of CPU of a cold start);
 * the handler maps a stack trace's frames when one is formatted
 * (`packages/functions/src/handlers/stack-traces.ts`).
 */
export const apiSourceMapsEnvironment = { NODE_OPTIONS: "" } as const;

/**
 * The options SST v2 builds a deploy bundle with (`sst/runtime/handlers/node.js`
 * for ESM), with {@link nodejsProps} applied the way SST applies them.
 */
export function lambdaBuildOptions(
  entry: string,
  outdir: string,
  profile: BundleProfile = {},
): BuildOptions {
  const props = nodejsProps(profile);
  const { external, ...override } = props.esbuild;
  return {
    entryPoints: [entry],
    platform: "node",
    external: ["sharp", "pg-native", ...(external ?? [])],
    keepNames: true,
    bundle: true,
    logLevel: "silent",
    splitting: props.splitting,
    metafile: true,
    outExtension: { ".js": ".mjs" },
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
        "",
      ].join("\n"),
    },
    outdir,
    sourcemap: props.sourcemap,
    minify: props.minify,
    ...override,
  };
}

/** Sizes of one bundle, in bytes of minified JavaScript (source maps not counted). */
export interface BundleSizes {
  /** The entry file and every chunk it imports statically: what a cold start parses. */
  loadedAtStart: number;
  /** Every JavaScript file of the bundle, chunks loaded on demand included. */
  total: number;
}

/** The output file of the bundle's entry point (`entry` relative to the working directory). */
export function entryOutput(metafile: Metafile, entry: string): string | undefined {
  const wanted = relative(process.cwd(), resolve(entry));
  return Object.keys(metafile.outputs).find(
    (path) => metafile.outputs[path]?.entryPoint === wanted && !path.endsWith(".map"),
  );
}

/** The entry's output and every chunk it imports statically: what a cold start loads. */
function startClosure(metafile: Metafile, entry: string): Set<string> {
  const outputs = metafile.outputs;
  const start = entryOutput(metafile, entry);
  if (!start) throw new Error(`${entry} is not the entry of this bundle`);
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && outputs[imported.path])
        pending.push(imported.path);
    }
  }
  return seen;
}

/** Measures a bundle from its metafile. */
export function bundleSizes(metafile: Metafile, entry: string): BundleSizes {
  const seen = startClosure(metafile, entry);
  let loadedAtStart = 0;
  let total = 0;
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (path.endsWith(".map")) continue;
    total += output.bytes;
    if (seen.has(path)) loadedAtStart += output.bytes;
  }
  return { loadedAtStart, total };
}

/**
 * Packages a cold start imports that are not in the bundle: a Lambda zip has
 * no node_modules, so any would crash the function at load. Must be none.
 */
export function packagesImportedAtStart(metafile: Metafile, entry: string): string[] {
  const builtins = new Set(builtinModules);
  const packages = new Set<string>();
  for (const path of startClosure(metafile, entry)) {
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (!imported.external || imported.kind !== "import-statement") continue;
      if (imported.path.startsWith("node:") || builtins.has(imported.path)) continue;
      packages.add(imported.path);
    }
  }
  return [...packages];
}

/** The input files a cold start loads: those of the entry's output and its static chunks. */
export function inputsLoadedAtStart(metafile: Metafile, entry: string): string[] {
  return [...startClosure(metafile, entry)].flatMap((path) =>
    Object.keys(metafile.outputs[path]?.inputs ?? {}),
  );
}

/** Every input file of the bundle (relative to the repository root). */
export function bundledInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs);
}

/** Builds one Lambda bundle exactly as a deploy does; returns its metafile and entry file. */
export async function buildLambdaBundle(
  entry: string,
  outdir: string,
  profile: BundleProfile = {},
): Promise<{ metafile: Metafile; entryFile: string }> {
  const { build } = await import("esbuild");
  const options = lambdaBuildOptions(entry, outdir, profile);
  // The metafile plugin is for SST's builds; here the caller gets the metafile itself.
  options.plugins = options.plugins?.filter((plugin) => plugin !== writeMetafile);
  const result = await build(options);
  const metafile = result.metafile as Metafile;
  const entryFile = entryOutput(metafile, entry);
  if (!entryFile) throw new Error(`no entry output for ${entry}`);
  return { metafile, entryFile: resolve(entryFile) };
}
