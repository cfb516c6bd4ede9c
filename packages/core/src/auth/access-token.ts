import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { UserItem } from "../entities/user";
import { DomainError } from "../errors";
import type { SigningKeys } from "./signing-keys";

export const accessTokenIssuer = "credits-market";
export const accessTokenAudience = "credits-market-api";
/** Default lifetime; the caller may pass `ACCESS_TOKEN_TTL_SECONDS`. */
export const accessTokenTtlSeconds = 15 * 60;

/**
 * RFC 9068's media type for access tokens. Checked on verify so that no other
 * JWT signed with the same key (a future reset or refresh token) passes as one.
 */
const tokenType = "at+jwt";
const algorithm = "HS256";
/** Far above any token we issue; longer input is refused before it is parsed. */
const maxTokenLength = 4096;

const roles: ReadonlySet<string> = new Set<UserItem["role"]>(["user", "admin"]);

export interface AccessTokenClaims {
  userId: string;
  role: UserItem["role"];
  /** The user's token generation at issue (`gen`); a password change or reset raises it. */
  generation?: number;
  /** The sign-in (refresh-token family) this token belongs to (`sid`); logout ends it. */
  signInId?: string;
}

/**
 * Any access token that does not verify. One message for every reason, so the
 * API tells a caller nothing about why; the reason is in `cause` for the logs.
 */
export class InvalidToken extends DomainError {
  constructor(cause: unknown) {
    super("UNAUTHORIZED", "Invalid or expired access token", undefined, { cause });
  }
}

/** A signed HS256 JWT for `claims`, valid from `now` for `ttlSeconds`, under the current key. */
export async function issueAccessToken(
  keys: SigningKeys,
  claims: AccessTokenClaims,
  now: Date,
  ttlSeconds: number = accessTokenTtlSeconds,
): Promise<string> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new Error("Access token lifetime must be a positive number of seconds");
  }
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    role: claims.role,
    ...(claims.generation !== undefined ? { gen: claims.generation } : {}),
    ...(claims.signInId !== undefined ? { sid: claims.signInId } : {}),
  })
    .setProtectedHeader({ alg: algorithm, typ: tokenType, kid: keys.current.kid })
    .setIssuer(accessTokenIssuer)
    .setAudience(accessTokenAudience)
    .setSubject(claims.userId)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keys.current.secret);
}

/**
 * The caller an access token names, checked at `now`: HS256 only (so `alg:
 * none` and key-confusion tokens fail), the key picked by `kid` from the
 * keyring, issuer, audience, type and expiry. Anything else throws `InvalidToken`.
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  now: Date,
): Promise<AccessTokenClaims> {
  try {
    if (token.length > maxTokenLength) throw new Error("token too long");
    const { payload } = await jwtVerify(
      token,
      ({ kid }) => {
        const key = keys.all.find((candidate) => candidate.kid === kid);
        if (!key) throw new Error(`unknown kid ${JSON.stringify(kid)}`);
        return key.secret;
      },
      {
        algorithms: [algorithm],
        issuer: accessTokenIssuer,
        audience: accessTokenAudience,
        typ: tokenType,
        currentDate: now,
        requiredClaims: ["sub", "jti", "iat", "exp"],
      },
    );
    const { sub, role, gen, sid } = payload;
    if (typeof sub !== "string" || sub.length === 0) throw new Error("empty subject");
    if (typeof role !== "string" || !roles.has(role)) throw new Error("unknown role");
    if (gen !== undefined && !(Number.isSafeInteger(gen) && (gen as number) >= 0)) {
      throw new Error("bad generation");
    }
    if (sid !== undefined && typeof sid !== "string") throw new Error("bad sign-in id");
    return {
      userId: sub,
      role: role as UserItem["role"],
      // A token without `gen` counts as generation 0: void after the first password change.
      generation: (gen as number | undefined) ?? 0,
      ...(sid !== undefined ? { signInId: sid } : {}),
    };
  } catch (error) {
    throw new InvalidToken(error);
  }
}
