import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { InvalidCursor } from "../errors";

/**
 * The keys that sign list cursors: `sign` signs new ones, any of `verify` opens
 * one (so a key rotated out keeps its cursors readable while it is listed).
 */
export interface CursorKeys {
  sign: Buffer;
  verify: readonly Buffer[];
}

/** Where a list's next page starts. */
export interface CursorState {
  /** Items before the next page: the next page's `offset`. */
  position: number;
  /** The DynamoDB key to start the next Query after; absent for lists paged by position. */
  key?: Record<string, string | number> | undefined;
}

const purpose = "list-cursor/v1";

/**
 * Cursor keys derived from the access-token signing secrets (current first), so
 * no other secret has to be configured, and rotating `JWT_SECRET` rotates them too.
 * The derivation keeps a cursor key from ever being usable as a token key.
 */
export function cursorKeysFrom(secrets: readonly Uint8Array[]): CursorKeys {
  const derived = secrets.map((secret) => createHmac("sha256", secret).update(purpose).digest());
  const [sign] = derived;
  if (!sign) throw new Error("Cursor keys need at least one secret");
  return { sign, verify: derived };
}

/**
 * Keys of this process only: for jobs and tests, which never hand a cursor to
 * another process. The HTTP app always derives its keys from the token keyring.
 */
export function ephemeralCursorKeys(): CursorKeys {
  const key = randomBytes(32);
  return { sign: key, verify: [key] };
}

/**
 * The scope a cursor is bound to: the list, whose it is and its filters, e.g.
 * `scopeOf("bets", userId, { status })`. A cursor opens only under the same scope.
 */
export function scopeOf(list: string, owner: string | null, filters: object = {}): string {
  const defined = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([list, owner, defined]);
}

/** `<state>.<HMAC of scope and state>`, both base64url. */
export function sealCursor(keys: CursorKeys, scope: string, state: CursorState): string {
  const body = Buffer.from(JSON.stringify({ p: state.position, k: state.key })).toString(
    "base64url",
  );
  return `${body}.${mac(keys.sign, scope, body).toString("base64url")}`;
}

/**
 * The state of a cursor this server sealed for `scope`. Anything else (a forged,
 * tampered or truncated cursor, or one sealed for another user or other filters)
 * is `InvalidCursor`, a 400 naming `cursor`.
 */
export function openCursor(keys: CursorKeys, scope: string, cursor: string): CursorState {
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) throw new InvalidCursor();
  const given = Buffer.from(signature, "base64url");
  const valid = keys.verify.some((key) => {
    const expected = mac(key, scope, body);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) throw new InvalidCursor();
  // Signed by us, so well formed; checked anyway so a bug surfaces as a 400, not a 500.
  const state = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as {
    p?: unknown;
    k?: unknown;
  };
  if (typeof state.p !== "number" || !Number.isInteger(state.p) || state.p < 0) {
    throw new InvalidCursor();
  }
  if (state.k !== undefined && !isKey(state.k)) throw new InvalidCursor();
  return { position: state.p, key: state.k };
}

function mac(key: Buffer, scope: string, body: string): Buffer {
  return createHmac("sha256", key).update(scope).update("\n").update(body).digest();
}

function isKey(value: unknown): value is Record<string, string | number> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((part) => typeof part === "string" || typeof part === "number")
  );
}
