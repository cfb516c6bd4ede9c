import { randomBytes, scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  dummyVerify,
  hashPassword,
  hashPasswordLegacyScrypt,
  needsRehash,
  verifyPassword,
} from "./password";

// Production parameters throughout (argon2id, 19 MiB and ~30 ms per hash).
const password = "Crème brûlée, correct horse";
let stored: string;
let again: string;

beforeAll(async () => {
  stored = await hashPassword(password);
  again = await hashPassword(password);
});

/** A hash in our format made by hand, at parameters of the test's choosing. */
function handMadeHash(secret: string, N: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret.normalize("NFKC"), salt, 32, { N, r: 8, p: 1 });
  return `scrypt$N=${N},r=8,p=1$${salt.toString("base64")}$${key.toString("base64")}`;
}

describe("hashPassword", () => {
  it("encodes argon2id at OWASP's parameters (m=19 MiB, t=2, p=1), a 16-byte salt and a 32-byte key", () => {
    const [empty, scheme, version, parameters, salt, key] = stored.split("$");

    expect(empty).toBe("");
    expect(scheme).toBe("argon2id");
    expect(version).toBe("v=19");
    expect(parameters).toBe("m=19456,t=2,p=1");
    expect(Buffer.from(salt as string, "base64")).toHaveLength(16);
    expect(Buffer.from(key as string, "base64")).toHaveLength(32);
    expect(stored).not.toContain(password);
  });

  it("salts every hash differently", () => {
    expect(again).not.toBe(stored);
    expect(again.split("$")[4]).not.toBe(stored.split("$")[4]);
  });
});

describe("verifyPassword", () => {
  it("accepts the password, in any Unicode normalization form", async () => {
    const decomposed = password.normalize("NFD");
    expect(decomposed).not.toBe(password);

    expect(await verifyPassword(decomposed, stored)).toBe(true);
  });

  it("refuses a wrong password", async () => {
    expect(await verifyPassword("Creme brulee, correct horse", stored)).toBe(false);
  });

  it("verifies a scrypt hash from before argon2id (N=2^17), so existing accounts still sign in", async () => {
    const legacy = await hashPasswordLegacyScrypt(password);

    expect(legacy.startsWith("scrypt$N=131072,r=8,p=1$")).toBe(true);
    expect(await verifyPassword(password, legacy)).toBe(true);
    expect(await verifyPassword("wrong", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it("verifies a hash made with older, lower parameters", async () => {
    const old = handMadeHash(password, 2 ** 10);

    expect(await verifyPassword(password, old)).toBe(true);
    expect(await verifyPassword("wrong", old)).toBe(false);
  });

  it.each([
    ["an empty string", ""],
    ["another scheme", "$2b$12$abcdefghijklmnopqrstuuJ7eTq6yM8C0w6Sxk3tV3ySg9y6pX2e"],
    ["a missing key", "scrypt$N=131072,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA=="],
    [
      "N not a power of two",
      "scrypt$N=100000,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5",
    ],
    ["N too large", "scrypt$N=16777216,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["r of zero", "scrypt$N=1024,r=0,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["a short salt", "scrypt$N=1024,r=8,p=1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["a short key", "scrypt$N=1024,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5"],
    ["not base64", "scrypt$N=1024,r=8,p=1$!!!!$????"],
    [
      "argon2id memory too large",
      "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5",
    ],
    [
      "argon2id another version",
      "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5",
    ],
  ])("answers false, without throwing, for %s", async (_label, malformed) => {
    expect(await verifyPassword(password, malformed)).toBe(false);
    expect(needsRehash(malformed)).toBe(true);
  });
});

describe("needsRehash", () => {
  it("is false for a hash at today's parameters and true for lower ones", () => {
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(handMadeHash(password, 2 ** 10))).toBe(true);
  });
});

describe("dummyVerify", () => {
  it("does a full hash and never matches", async () => {
    expect(await dummyVerify(password)).toBe(false);
  });
});
