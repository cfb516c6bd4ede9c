import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths";

const run = promisify(execFile);

/**
 * AWS's DynamoDB Local ships inside this npm package (folder `emulator/`). Fetching
 * it with `npm pack` reuses the npm registry and cache, and skips the package's
 * large dependency tree, which we never run.
 */
const simulator = {
  name: "amplify-dynamodb-simulator",
  version: "2.9.30",
  /**
   * The registry's `dist.integrity` for that version. `emulator/sha256` inside the
   * package is the hash of AWS's upstream tarball, which the package does not
   * contain, so the npm tarball's own hash is what we can check.
   */
  integrity:
    "sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==",
} as const;

const cacheDir = join(repoRoot, ".cache", "dynamodb-local");
/** Only ever appears by an atomic rename of a complete staging folder. */
const installDir = join(cacheDir, simulator.version);
const emulatorDir = join(installDir, "emulator");
const markerFile = join(installDir, ".complete");

/**
 * Makes sure DynamoDB Local is unpacked under `.cache/dynamodb-local/` and returns
 * the folder holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`. The first call
 * downloads about 57 MB; later calls return at once. Safe when several processes
 * (test workers, a running `npm start`) call it at the same time.
 */
export async function ensureDynamoDbLocalJar(log?: (line: string) => void): Promise<string> {
  if (isInstalled()) return emulatorDir;
  // A folder without the marker cannot be a concurrent install in progress (those
  // live in staging folders), so it is debris from an older layout or a manual copy.
  if (existsSync(installDir)) await rm(installDir, { recursive: true, force: true });

  await mkdir(cacheDir, { recursive: true });
  const staging = await mkdtemp(join(cacheDir, ".staging-"));
  try {
    log?.(`Fetching DynamoDB Local (npm pack ${simulator.name}@${simulator.version}, once)...`);
    const tarball = await packSimulator(staging);
    await verifyIntegrity(tarball);
    const unpacked = join(staging, "install");
    await extractEmulator(tarball, unpacked);
    await writeFile(join(unpacked, ".complete"), `${simulator.integrity}\n`);
    await publish(unpacked);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return emulatorDir;
}

function isInstalled(): boolean {
  return existsSync(markerFile) && existsSync(join(emulatorDir, "DynamoDBLocal.jar"));
}

/** Downloads the package tarball (only that, no dependencies) into `dir`. */
async function packSimulator(dir: string): Promise<string> {
  const spec = `${simulator.name}@${simulator.version}`;
  try {
    const { stdout } = await run("npm", ["pack", spec, "--json", "--pack-destination", dir], {
      cwd: dir,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 10 * 60_000,
      shell: process.platform === "win32",
    });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error("npm pack printed no file name");
    return join(dir, packed.filename);
  } catch (error) {
    throw new Error(
      `Could not fetch DynamoDB Local with "npm pack ${spec}". It needs the npm registry ` +
        "once; or set DYNAMODB_ENDPOINT to an existing DynamoDB.",
      { cause: error },
    );
  }
}

async function verifyIntegrity(tarball: string): Promise<void> {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(tarball)) hash.update(chunk);
  const actual = `sha512-${hash.digest("base64")}`;
  if (actual !== simulator.integrity) {
    throw new Error(
      `${simulator.name}@${simulator.version} has integrity ${actual}, expected ${simulator.integrity}`,
    );
  }
}

/** Unpacks only `package/emulator/` as `<dest>/emulator/`, with the system tar. */
async function extractEmulator(tarball: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  await run("tar", ["-xzf", tarball, "-C", dest, "--strip-components=1", "package/emulator"]);
  if (!existsSync(join(dest, "emulator", "DynamoDBLocal.jar"))) {
    throw new Error(`${simulator.name}@${simulator.version} has no emulator/DynamoDBLocal.jar`);
  }
}

/** Moves a complete install into place; losing the race to another process is fine. */
async function publish(unpacked: string): Promise<void> {
  try {
    await rename(unpacked, installDir);
  } catch (error) {
    if (isInstalled()) return;
    throw error;
  }
}
