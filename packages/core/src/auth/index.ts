/** Access tokens, the keys that sign them, and the password hashing they start from. */
export {
  type AccessTokenClaims,
  accessTokenAudience,
  accessTokenIssuer,
  accessTokenTtlSeconds,
  InvalidToken,
  issueAccessToken,
  verifyAccessToken,
} from "./access-token";
export { HashGate, hashGate, PasswordHashingBusy } from "./hash-gate";
export {
  createKeyring,
  loadSigningKeys,
  minSecretBytes,
  parseSigningKeys,
  type SigningKey,
  type SigningKeySource,
  type SigningKeys,
} from "./signing-keys";
