export { promoteToAdmin } from "./admin";
export type { AccountsContext } from "./context";
export * from "./errors";
export { normalizeEmail } from "./normalize";
export { changePassword, confirmPasswordReset, requestPasswordReset } from "./passwords";
export {
  changeUsername,
  findUser,
  getUser,
  type PrivateProfile,
  type PublicProfile,
  privateProfile,
  publicProfile,
  usernamePattern,
  viewProfile,
} from "./profile";
export { findUserByEmail, login, type RegisterInput, register } from "./register";
export {
  effectiveRole,
  logout,
  revokeAllSessions,
  rotateRefreshToken,
  startSession,
  type TokenPair,
} from "./sessions";
