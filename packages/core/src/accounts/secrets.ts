import { createHash, randomBytes } from "node:crypto";

/** An opaque random token for the client: 256 bits, URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of an opaque token: a leaked table gives no usable tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
