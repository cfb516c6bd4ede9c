export { promoteToAdmin } from "./admin";
export type { AccountsContext } from "./context";
export * from "./errors";
export { login, type SignedIn } from "./login";
export { isReservedUsername, normalizeEmail, usernameKey } from "./normalize";
export { assertStrongPassword, WeakPassword } from "./password-strength";
export { changePassword, confirmPasswordReset, requestPasswordReset } from "./passwords";
export { type Preferences, setPreferences } from "./preferences";
export {
  changeUsername,
  findUser,
  findUserByEmail,
  getUser,
  type PrivateProfile,
  type PublicProfile,
  privateProfile,
  publicProfile,
  updateProfile,
  usernamePattern,
  usernameRule,
  viewProfile,
} from "./profile";
export { type RegisterInput, register } from "./register";
export { hashToken, newOpaqueToken } from "./secrets";
export {
  effectiveRole,
  endSignIn,
  logout,
  rotateRefreshToken,
  signIn,
  signOutEverywhere,
  type TokenPair,
} from "./sign-in";
export {
  assertTokenLive,
  type CallerCheck,
  cachedTokenCheck,
  forgetTokenState,
  type LiveToken,
  tokenLiveFor,
} from "./token-state";
export { InvalidVerificationToken, sendEmailVerification, verifyEmail } from "./verification";
