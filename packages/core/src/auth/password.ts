import { argon2, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * argon2id at OWASP's first-choice parameters (Password Storage Cheat Sheet):
 * m = 19 MiB, t = 2, p = 1. ~30 ms per hash here, where scrypt N=2^17 took ~770 ms.
 * Stored in the PHC string format, so the parameters can be raised later.
 */
const argon2Current = { memory: 19 * 1024, passes: 2, parallelism: 1 } as const;
/** A corrupt stored hash must not make a login allocate gigabytes. */
const argon2MaxMemoryKiB = 256 * 1024;
const argon2MaxPasses = 10;

/** `$argon2id$v=19$m=19456,t=2,p=1$<salt b64>$<key b64>` (PHC, unpadded base64) */
const argon2Encoded =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface Argon2Parameters {
  memory: number;
  passes: number;
  parallelism: number;
}

function deriveArgon2(
  password: string,
  salt: Buffer,
  length: number,
  parameters: Argon2Parameters,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      "argon2id",
      { message: password.normalize("NFKC"), nonce: salt, tagLength: length, ...parameters },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function parseArgon2(stored: string) {
  const match = argon2Encoded.exec(stored);
  if (!match) return null;
  const [, m, t, p, salt, key] = match;
  const parameters = { memory: Number(m), passes: Number(t), parallelism: Number(p) };
  if (
    parameters.memory < 8 * parameters.parallelism ||
    parameters.memory > argon2MaxMemoryKiB ||
    parameters.passes < 1 ||
    parameters.passes > argon2MaxPasses ||
    parameters.parallelism < 1
  ) {
    return null;
  }
  const saltBuffer = Buffer.from(salt as string, "base64");
  const keyBuffer = Buffer.from(key as string, "base64");
  if (saltBuffer.length < saltBytes || keyBuffer.length < 16 || keyBuffer.length > 64) return null;
  return { parameters, salt: saltBuffer, key: keyBuffer };
}

const unpadded = (buffer: Buffer) => buffer.toString("base64").replace(/=+$/, "");

/** scrypt cost parameters; stored with every hash so they can be raised later. */
interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** The scrypt parameters of hashes made before argon2id; still verified, rehashed at login. */
const legacyScrypt: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };
const saltBytes = 16;
const keyBytes = 32;

/**
 * Stored hashes are only read from our own table, but a corrupt one must not
 * be able to make a login allocate gigabytes: anything beyond these is malformed.
 */
const maxN = 2 ** 20;
const maxR = 32;
const maxP = 16;
const maxMemoryBytes = 1024 ** 3;

/** `scrypt$N=131072,r=8,p=1$<salt base64>$<key base64>` */
const encoded =
  /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/**
 * What scrypt allocates (OpenSSL's check: 128·r·(N + p + 2) bytes); Node's
 * default `maxmem` of 32 MiB is below what N=2^17 needs, so it is raised to fit.
 */
function memoryFor({ N, r, p }: ScryptParameters): number {
  return 128 * r * (N + p + 2);
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  parameters: ScryptParameters,
): Promise<Buffer> {
  const options: ScryptOptions = { ...parameters, maxmem: memoryFor(parameters) + 1024 * 1024 };
  // NFKC, as NIST SP 800-63B asks, so the same password typed on another keyboard still matches.
  const normalized = password.normalize("NFKC");
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

interface StoredHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): StoredHash | null {
  const match = encoded.exec(stored);
  if (!match) return null;
  const [, n, r, p, salt, key] = match;
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = parameters.N > 1 && (parameters.N & (parameters.N - 1)) === 0;
  const bounded =
    parameters.N <= maxN &&
    parameters.r >= 1 &&
    parameters.r <= maxR &&
    parameters.p >= 1 &&
    parameters.p <= maxP &&
    memoryFor(parameters) <= maxMemoryBytes;
  if (!powerOfTwo || !bounded) return null;
  const saltBuffer = Buffer.from(salt as string, "base64");
  const keyBuffer = Buffer.from(key as string, "base64");
  if (saltBuffer.length < saltBytes || keyBuffer.length < 16 || keyBuffer.length > 64) return null;
  return { parameters, salt: saltBuffer, key: keyBuffer };
}

/** Hashes a password with argon2id at today's parameters and a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await deriveArgon2(password, salt, keyBytes, argon2Current);
  const { memory, passes, parallelism } = argon2Current;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${unpadded(salt)}$${unpadded(key)}`;
}

/** A scrypt hash as stored before argon2id (for tests of the upgrade path). */
export async function hashPasswordLegacyScrypt(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, legacyScrypt);
  const { N, r, p } = legacyScrypt;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/**
 * Whether `password` matches a hash from `hashPassword`, at the parameters the
 * hash was made with. Compared in constant time; a malformed hash is `false`.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const argon = parseArgon2(stored);
  if (argon) {
    try {
      const key = await deriveArgon2(password, argon.salt, argon.key.length, argon.parameters);
      return timingSafeEqual(key, argon.key);
    } catch {
      return false;
    }
  }
  const hash = parse(stored);
  if (!hash) return false;
  try {
    const key = await derive(password, hash.salt, hash.key.length, hash.parameters);
    return timingSafeEqual(key, hash.key);
  } catch {
    return false;
  }
}

/**
 * The same work as verifying against a real hash, always `false`: for a login
 * with an unknown email, so response time does not tell which emails exist.
 */
export async function dummyVerify(password: string): Promise<false> {
  const key = await deriveArgon2(password, randomBytes(saltBytes), keyBytes, argon2Current);
  timingSafeEqual(key, Buffer.alloc(keyBytes));
  return false;
}

/**
 * True when a stored hash is not argon2id at today's parameters (a scrypt hash
 * from before, other parameters, or malformed): login then stores a new one.
 */
export function needsRehash(stored: string): boolean {
  const hash = parseArgon2(stored);
  if (!hash) return true;
  const { memory, passes, parallelism } = hash.parameters;
  return (
    memory !== argon2Current.memory ||
    passes !== argon2Current.passes ||
    parallelism !== argon2Current.parallelism ||
    hash.salt.length !== saltBytes ||
    hash.key.length !== keyBytes
  );
}
