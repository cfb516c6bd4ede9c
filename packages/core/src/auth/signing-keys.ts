import { createHash, randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One HS256 key; `kid` goes into every token's header so a verifier can pick the key. */
export interface SigningKey {
  kid: string;
  secret: Uint8Array;
}

/**
 * The keyring: `current` signs new tokens; every key in `all` (current first)
 * still verifies, so a key can be rotated out without logging everyone out.
 */
export interface SigningKeys {
  current: SigningKey;
  all: readonly SigningKey[];
}

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
export const minSecretBytes = 32;

const kidPattern = /^[A-Za-z0-9._-]{1,64}$/;
const entryPattern = /^([A-Za-z0-9._-]{1,64}):(.+)$/s;

/** A keyring from keys, current first; refuses short secrets and duplicate kids. */
export function createKeyring(keys: readonly SigningKey[]): SigningKeys {
  const [current] = keys;
  if (!current) throw new Error("A signing keyring needs at least one key");
  const seen = new Set<string>();
  for (const key of keys) {
    if (!kidPattern.test(key.kid)) {
      throw new Error(`Signing key id "${key.kid}" must be 1-64 characters of A-Z a-z 0-9 . _ -`);
    }
    if (seen.has(key.kid)) throw new Error(`Signing key id "${key.kid}" appears twice`);
    seen.add(key.kid);
    if (key.secret.byteLength < minSecretBytes) {
      throw new Error(
        `Signing key "${key.kid}" is ${key.secret.byteLength} bytes; ` +
          `secrets must be at least ${minSecretBytes} bytes (e.g. \`openssl rand -base64 48\`)`,
      );
    }
  }
  return { current, all: [...keys] };
}

/** A key id that names a secret without revealing it, for a secret configured without one. */
function derivedKid(secret: string): string {
  return createHash("sha256").update(`kid:${secret}`).digest("base64url").slice(0, 12);
}

/**
 * Parses `JWT_SECRET`: either one secret (its kid derived from a hash of it) or
 * `kid1:secret1,kid2:secret2` with the current key first. Secrets are used as
 * their UTF-8 bytes and must be at least 32 of them.
 */
export function parseSigningKeys(value: string): SigningKeys {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error("JWT_SECRET is empty");
  const encoder = new TextEncoder();
  const keys = entries.map((entry, index) => {
    const match = entryPattern.exec(entry);
    if (match) return { kid: match[1] as string, secret: encoder.encode(match[2]) };
    if (entries.length === 1) return { kid: derivedKid(entry), secret: encoder.encode(entry) };
    throw new Error(`JWT_SECRET entry ${index + 1} has no "kid:" prefix`);
  });
  return createKeyring(keys);
}

interface KeyFile {
  keys: { kid: string; secret: string }[];
}

/**
 * The local keyring at `<dataDir>/secrets/jwt.json`, generated on first use with
 * a random secret and 0600 permissions. Created by linking a finished temporary
 * file into place, so concurrent first runs agree on one key.
 */
async function loadKeyFile(dataDir: string): Promise<SigningKeys> {
  const directory = join(dataDir, "secrets");
  const path = join(directory, "jwt.json");
  await mkdir(directory, { recursive: true, mode: 0o700 });
  try {
    return await readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  const secret = randomBytes(48).toString("base64url");
  const contents: KeyFile = { keys: [{ kid: `local-${derivedKid(secret)}`, secret }] };
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  try {
    await chmod(temporary, 0o600);
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
  return readKeyFile(path);
}

async function readKeyFile(path: string): Promise<SigningKeys> {
  const { mode } = await stat(path);
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users; run \`chmod 600 ${path}\``);
  }
  const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<KeyFile>;
  if (!Array.isArray(parsed.keys)) throw new Error(`${path} has no "keys" list`);
  const encoder = new TextEncoder();
  return createKeyring(
    parsed.keys.map((key) => ({
      kid: String(key.kid),
      secret: encoder.encode(String(key.secret)),
    })),
  );
}

export interface SigningKeySource {
  /** `JWT_SECRET` from configuration; wins when set. */
  secret?: string | undefined;
  /**
   * Where to keep a generated keyring when no secret is configured. Pass it only
   * for local runs: deployed instances must share a configured secret.
   */
  localDataDir?: string | undefined;
}

/**
 * The keyring to sign and verify access tokens with: the configured secret(s),
 * else (locally) a generated file. There is no built-in default key.
 */
export async function loadSigningKeys(source: SigningKeySource): Promise<SigningKeys> {
  if (source.secret?.trim()) return parseSigningKeys(source.secret);
  if (source.localDataDir) return loadKeyFile(source.localDataDir);
  throw new Error("JWT_SECRET is not configured");
}
