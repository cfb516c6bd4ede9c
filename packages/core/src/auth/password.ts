import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt cost parameters; stored with every hash so they can be raised later. */
interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB per hash). */
const current: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };
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

/** Hashes a password with scrypt at today's parameters and a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, current);
  const { N, r, p } = current;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/**
 * Whether `password` matches a hash from `hashPassword`, at the parameters the
 * hash was made with. Compared in constant time; a malformed hash is `false`.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
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
  const key = await derive(password, randomBytes(saltBytes), keyBytes, current);
  timingSafeEqual(key, Buffer.alloc(keyBytes));
  return false;
}

/** True when a stored hash was made with other parameters than today's (or is malformed). */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  if (!hash) return true;
  const { N, r, p } = hash.parameters;
  return (
    N !== current.N ||
    r !== current.r ||
    p !== current.p ||
    hash.salt.length !== saltBytes ||
    hash.key.length !== keyBytes
  );
}
