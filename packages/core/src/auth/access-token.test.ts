import { randomBytes } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  accessTokenAudience,
  accessTokenIssuer,
  InvalidToken,
  issueAccessToken,
  verifyAccessToken,
} from "./access-token";
import { createKeyring, type SigningKey } from "./signing-keys";

const key = (kid: string): SigningKey => ({ kid, secret: randomBytes(32) });
const oldKey = key("2024-01");
const newKey = key("2025-06");
const keys = createKeyring([oldKey]);
const rotated = createKeyring([newKey, oldKey]);
const retired = createKeyring([newKey]);

const now = new Date("2025-06-01T12:00:00Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const later = (s: number) => new Date(now.getTime() + s * 1000);
const claims = { userId: "user-1", role: "admin" as const, generation: 0 };

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token with every claim we check set correctly unless overridden. */
function craft(
  overrides: { header?: object; payload?: object; secret?: Uint8Array } = {},
): Promise<string> {
  return new SignJWT({
    iss: accessTokenIssuer,
    aud: accessTokenAudience,
    sub: "user-1",
    role: "user",
    jti: "jti-1",
    iat: seconds(now),
    exp: seconds(now) + 900,
    ...overrides.payload,
  })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: oldKey.kid, ...overrides.header })
    .sign(overrides.secret ?? oldKey.secret);
}

async function refusal(token: string, keyring = keys, at = now): Promise<InvalidToken> {
  const error = await verifyAccessToken(keyring, token, at).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidToken);
  return error as InvalidToken;
}

describe("issueAccessToken", () => {
  it("signs an HS256 token for the user and role with the current key, valid for 15 minutes", async () => {
    const token = await issueAccessToken(rotated, claims, now);

    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "at+jwt", kid: newKey.kid });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({
      iss: "credits-market",
      aud: "credits-market-api",
      sub: "user-1",
      role: "admin",
      iat: seconds(now),
      exp: seconds(now) + 15 * 60,
    });
    expect(payload.jti).toEqual(expect.any(String));
    expect(await verifyAccessToken(rotated, token, now)).toEqual(claims);
  });

  it("gives every token its own jti and honours a configured lifetime", async () => {
    const first = decodeJwt(await issueAccessToken(keys, claims, now, 60));
    const second = decodeJwt(await issueAccessToken(keys, claims, now, 60));

    expect(first.jti).not.toBe(second.jti);
    expect(first.exp).toBe(seconds(now) + 60);
  });
});

describe("verifyAccessToken", () => {
  it("accepts a token until it expires and refuses it from then on", async () => {
    const token = await issueAccessToken(keys, claims, now);

    expect(await verifyAccessToken(keys, token, later(899))).toEqual(claims);
    const expired = await refusal(token, keys, later(900));
    expect(String(expired.cause)).toMatch(/exp/);
  });

  it("refuses an unsigned alg:none token", async () => {
    const payload = decodeJwt(await craft());
    const unsigned = `${base64url({ alg: "none", typ: "at+jwt", kid: oldKey.kid })}.${base64url(payload)}.`;

    expect(String((await refusal(unsigned)).cause)).toMatch(/JOSEAlgNotAllowed/);
  });

  it("refuses a token signed with another secret", async () => {
    const error = await refusal(await craft({ secret: randomBytes(32) }));
    expect(String(error.cause)).toMatch(/signature verification failed/);
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, , signature] = (await craft()).split(".");
    const forged = `${header}.${base64url({ ...decodeJwt(await craft()), role: "admin" })}.${signature}`;

    expect(String((await refusal(forged)).cause)).toMatch(/signature verification failed/);
  });

  it("refuses another HMAC algorithm even with the right secret", async () => {
    const error = await refusal(await craft({ header: { alg: "HS512" } }));
    expect(String(error.cause)).toMatch(/JOSEAlgNotAllowed/);
  });

  it.each([
    ["audience", { aud: "another-api" }, /unexpected "aud"/],
    ["issuer", { iss: "someone-else" }, /unexpected "iss"/],
    ["role", { role: "superuser" }, /unknown role/],
    ["subject", { sub: "" }, /empty subject/],
  ])("refuses a token with the wrong %s", async (_claim, payload, reason) => {
    expect(String((await refusal(await craft({ payload }))).cause)).toMatch(reason);
  });

  it.each([
    ["exp", { exp: undefined }],
    ["jti", { jti: undefined }],
    ["sub", { sub: undefined }],
  ])("refuses a token without %s", async (claim, payload) => {
    const error = await refusal(await craft({ payload }));
    expect(String(error.cause)).toContain(`missing required "${claim}"`);
  });

  it("refuses a JWT of another type signed with the same key", async () => {
    const error = await refusal(await craft({ header: { typ: "JWT" } }));
    expect(String(error.cause)).toMatch(/unexpected "typ"/);
  });

  it("refuses a token without kid or with an unknown kid", async () => {
    await refusal(await craft({ header: { kid: undefined } }));
    const unknown = await refusal(await craft({ header: { kid: "nope" } }));
    expect(String(unknown.cause)).toMatch(/unknown kid/);
  });

  it.each([
    ["garbage", "not a token"],
    ["an empty string", ""],
    ["an oversized token", "a".repeat(10_000)],
  ])("refuses %s", async (_label, token) => {
    await refusal(token);
  });

  it("says the same thing whatever the reason, keeping the reason in cause", async () => {
    const wrongAudience = await refusal(await craft({ payload: { aud: "x" } }));
    const wrongSignature = await refusal(await craft({ secret: randomBytes(32) }));

    expect(wrongAudience.message).toBe(wrongSignature.message);
    expect(wrongAudience).toMatchObject({ code: "UNAUTHORIZED", details: undefined });
    expect(wrongAudience.cause).not.toEqual(wrongSignature.cause);
  });
});

describe("key rotation", () => {
  it("still verifies a token signed by an older key while it is in the keyring", async () => {
    const beforeRotation = await issueAccessToken(keys, claims, now);

    expect(await verifyAccessToken(rotated, beforeRotation, now)).toEqual(claims);
    expect(decodeProtectedHeader(await issueAccessToken(rotated, claims, now)).kid).toBe(
      newKey.kid,
    );
  });

  it("refuses a token whose key has left the keyring", async () => {
    const beforeRotation = await issueAccessToken(keys, claims, now);

    await refusal(beforeRotation, retired);
  });

  it("does not accept a token signed by one key under another key's kid", async () => {
    await refusal(await craft({ header: { kid: newKey.kid }, secret: oldKey.secret }), rotated);
  });
});
