import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root, wherever the scripts are run from. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Whether the module at `moduleUrl` is the script being run (`tsx scripts/x.ts`)
 * rather than imported. `import.meta.main` would say so, but tsx leaves it unset.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  return realpathSync(resolve(script)) === realpathSync(fileURLToPath(moduleUrl));
}
