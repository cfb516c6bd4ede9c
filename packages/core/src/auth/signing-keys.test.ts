import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKeyring, loadSigningKeys, parseSigningKeys } from "./signing-keys";

const secret = "0123456789abcdef0123456789abcdef-long-enough";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "signing-keys-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("a configured JWT_SECRET", () => {
  it("is one key whose kid is derived from the secret, not the secret itself", async () => {
    const keys = await loadSigningKeys({ secret, localDataDir: dataDir });
    const same = parseSigningKeys(secret);
    const other = parseSigningKeys(`${secret}-other`);

    expect(keys.all).toHaveLength(1);
    expect(text(keys.current.secret)).toBe(secret);
    expect(keys.current.kid).toBe(same.current.kid);
    expect(keys.current.kid).not.toBe(other.current.kid);
    expect(secret).not.toContain(keys.current.kid);
  });

  it("lists kid:secret pairs, current first", () => {
    const keys = parseSigningKeys(`2025-06:${secret}-new, 2024-01:${secret}-old`);

    expect(keys.current.kid).toBe("2025-06");
    expect(keys.all.map((key) => key.kid)).toEqual(["2025-06", "2024-01"]);
    expect(text(keys.all[1]?.secret as Uint8Array)).toBe(`${secret}-old`);
  });

  it.each([
    ["a short single secret", "too-short-secret"],
    ["a short secret in a list", `a:${secret},b:short`],
  ])("refuses %s, saying how long it must be", (_label, value) => {
    expect(() => parseSigningKeys(value)).toThrow(/at least 32 bytes/);
  });

  it("does not put the secret in the error message", () => {
    expect(() => parseSigningKeys("k:hunter2-hunter2")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });

  it.each([
    ["a list entry without kid", `a:${secret},${secret}`, /no "kid:" prefix/],
    ["duplicate kids", `a:${secret},a:${secret}-2`, /appears twice/],
    ["an empty value", " , ", /empty/],
  ])("refuses %s", (_label, value, message) => {
    expect(() => parseSigningKeys(value)).toThrow(message);
  });

  it("refuses an empty keyring", () => {
    expect(() => createKeyring([])).toThrow(/at least one key/);
  });
});

describe("the generated local key file", () => {
  it("is created on first use with 0600 permissions and reused afterwards", async () => {
    const first = await loadSigningKeys({ localDataDir: dataDir });
    const second = await loadSigningKeys({ localDataDir: dataDir });
    const path = join(dataDir, "secrets", "jwt.json");

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(first.current.kid).toBe(second.current.kid);
    expect(Buffer.from(first.current.secret).equals(Buffer.from(second.current.secret))).toBe(true);
    expect(first.current.secret.byteLength).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(await readFile(path, "utf8")).keys).toHaveLength(1);
  });

  it("is one key even when several first uses race", async () => {
    const keyrings = await Promise.all(
      Array.from({ length: 5 }, () => loadSigningKeys({ localDataDir: dataDir })),
    );

    expect(new Set(keyrings.map((keys) => keys.current.kid)).size).toBe(1);
  });

  it("differs between data directories", async () => {
    const other = await mkdtemp(join(tmpdir(), "signing-keys-"));
    try {
      const here = await loadSigningKeys({ localDataDir: dataDir });
      const there = await loadSigningKeys({ localDataDir: other });

      expect(here.current.kid).not.toBe(there.current.kid);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("is refused when other users can read it", async () => {
    await loadSigningKeys({ localDataDir: dataDir });
    const path = join(dataDir, "secrets", "jwt.json");
    await chmod(path, 0o644);

    await expect(loadSigningKeys({ localDataDir: dataDir })).rejects.toThrow(/chmod 600/);
  });

  it("is not used when a secret is configured", async () => {
    const keys = await loadSigningKeys({ secret, localDataDir: dataDir });

    expect(text(keys.current.secret)).toBe(secret);
    await expect(stat(join(dataDir, "secrets", "jwt.json"))).rejects.toThrow(/ENOENT/);
  });

  it("is never made up when neither a secret nor a local directory is given", async () => {
    await expect(loadSigningKeys({})).rejects.toThrow(/JWT_SECRET is not configured/);
  });
});
