import { unwrap } from "../../api/errors";
import { api } from "../../api/sign-in";

/**
 * The password-reset writes. Signing in, signing up, changing the password and
 * signing out live in `api/sign-in.ts`, the one module that holds the tokens.
 * These screens keep their own busy and error state (a form that runs once),
 * so they are plain calls that throw `ApiError`, not query hooks.
 */

/** Emails a reset link when an account has this address (the answer is the same either way). */
export async function requestPasswordReset(email: string): Promise<void> {
  unwrap(await api.POST("/api/v1/auth/password-reset/request", { body: { email } }));
}

/** Sets a new password with the emailed token (single-use). */
export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  unwrap(await api.POST("/api/v1/auth/password-reset/confirm", { body: { token, newPassword } }));
}
