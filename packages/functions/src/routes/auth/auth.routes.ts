import { z } from "@hono/zod-openapi";
import { perIp, perUser } from "../../http/limits";
import { PrivateProfileSchema, UsernameSchema } from "../../http/profile-schemas";
import { authedRoute, publicRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse } from "../../http/schemas";

const email = z.email().max(254).openapi({ example: "ada@example.com" });
/** Long enough for passphrases, short enough that hashing it cannot be used to burn CPU. */
const newPassword = z.string().min(10).max(128).openapi({ example: "correct horse battery" });
const password = z.string().min(1).max(128);
const opaqueToken = z.string().min(16).max(256);
const username = UsernameSchema;

export const TokenPairSchema = z
  .object({ accessToken: z.string(), refreshToken: z.string() })
  .openapi("TokenPair");
/** What a sign-in answers (register, login): the account and its tokens. Not a prediction session. */
export const SignInSchema = TokenPairSchema.extend({ user: PrivateProfileSchema }).openapi(
  "SignIn",
);
export const MessageSchema = z.object({ message: z.string() }).openapi("Message");

const tooMany = errorContent("Too many attempts from this address; see Retry-After");
const invalid = errorContent("Invalid body; `details.fields` names each failing field");

export const register = publicRoute({
  method: "post",
  path: "/auth/register",
  operationId: "register",
  tags: ["Auth"],
  summary: "Create an account (with the signup bonus) and sign in",
  middleware: [perIp("register")] as const,
  request: {
    body: jsonBody(
      z
        .object({
          username,
          email,
          password: newPassword,
          referralCode: z
            .string()
            .trim()
            .min(1)
            .max(32)
            .optional()
            .openapi({ description: "A referral code from a `/register?ref=` link" }),
        })
        .strict(),
    ),
  },
  responses: {
    201: jsonResponse("Account created", SignInSchema),
    400: errorContent("Invalid body, or WEAK_PASSWORD; `details.fields` names each failing field"),
    409: errorContent("EMAIL_TAKEN, or USERNAME_TAKEN (also for reserved and look-alike names)"),
    429: tooMany,
  },
});

export const login = publicRoute({
  method: "post",
  path: "/auth/login",
  operationId: "login",
  tags: ["Auth"],
  summary: "Sign in with email and password",
  middleware: [perIp("login")] as const,
  request: { body: jsonBody(z.object({ email, password }).strict()) },
  responses: {
    200: jsonResponse("Signed in", SignInSchema),
    400: invalid,
    401: errorContent("INVALID_CREDENTIALS, the same for an unknown email and a wrong password"),
    429: tooMany,
  },
});

export const refresh = publicRoute({
  method: "post",
  path: "/auth/refresh",
  operationId: "refreshTokens",
  tags: ["Auth"],
  summary: "Trade a refresh token for a new pair (the old one stops working)",
  request: { body: jsonBody(z.object({ refreshToken: opaqueToken }).strict()) },
  responses: {
    200: jsonResponse("New tokens", TokenPairSchema),
    400: invalid,
    401: errorContent("INVALID_REFRESH_TOKEN; a reused token also ends its whole login"),
  },
});

export const logout = authedRoute({
  method: "post",
  path: "/auth/logout",
  operationId: "logout",
  tags: ["Auth"],
  summary: "End the sign-in of the presented refresh token (its refresh and access tokens)",
  request: { body: jsonBody(z.object({ refreshToken: opaqueToken }).strict()) },
  responses: {
    200: jsonResponse("Signed out", MessageSchema),
    400: invalid,
  },
});

export const logoutEverywhere = authedRoute({
  method: "post",
  path: "/auth/logout-everywhere",
  operationId: "logoutEverywhere",
  tags: ["Auth"],
  summary: "End every sign-in of the caller (this one included): all refresh and access tokens",
  responses: {
    200: jsonResponse("Signed out everywhere", MessageSchema),
  },
});

export const passwordResetRequest = publicRoute({
  method: "post",
  path: "/auth/password-reset/request",
  operationId: "requestPasswordReset",
  tags: ["Auth"],
  summary: "Email a reset link (the answer is the same whether the account exists or not)",
  middleware: [perIp("passwordReset")] as const,
  request: { body: jsonBody(z.object({ email }).strict()) },
  responses: { 202: jsonResponse("Accepted", MessageSchema), 400: invalid, 429: tooMany },
});

export const passwordResetConfirm = publicRoute({
  method: "post",
  path: "/auth/password-reset/confirm",
  operationId: "confirmPasswordReset",
  tags: ["Auth"],
  summary: "Set a new password with a reset token; signs out everywhere",
  middleware: [perIp("passwordResetConfirm")] as const,
  request: { body: jsonBody(z.object({ token: opaqueToken, newPassword }).strict()) },
  responses: {
    200: jsonResponse("Password changed", MessageSchema),
    400: errorContent("Invalid body, or INVALID_RESET_TOKEN (unknown, used or expired)"),
    429: tooMany,
  },
});

export const changePassword = authedRoute(
  {
    method: "post",
    path: "/auth/password",
    operationId: "changePassword",
    tags: ["Auth"],
    summary: "Change the password; ends every sign-in (access and refresh tokens)",
    request: { body: jsonBody(z.object({ currentPassword: password, newPassword }).strict()) },
    responses: {
      200: jsonResponse("Password changed", MessageSchema),
      400: errorContent("Invalid body, or WEAK_PASSWORD"),
      401: errorContent("Missing token, or INVALID_CREDENTIALS for a wrong current password"),
      429: errorContent("Too many attempts for this account or address; see Retry-After"),
      503: errorContent("AUTH_BUSY: too many password hashes at once; see Retry-After"),
    },
  },
  { after: [perIp("passwordChangePerIp"), perUser("passwordChangePerUser")] },
);

export const verifyEmail = publicRoute({
  method: "post",
  path: "/auth/email/verify",
  operationId: "verifyEmail",
  tags: ["Auth"],
  summary: "Verify the account's email with the token of the emailed signed link",
  middleware: [perIp("passwordResetConfirm")] as const,
  request: { body: jsonBody(z.object({ token: z.string().min(16).max(2048) }).strict()) },
  responses: {
    200: jsonResponse("Verified", MessageSchema),
    400: errorContent("Invalid body, or INVALID_VERIFICATION_TOKEN"),
    429: tooMany,
  },
});

export const resendVerification = authedRoute(
  {
    method: "post",
    path: "/auth/email/verification",
    operationId: "resendEmailVerification",
    tags: ["Auth"],
    summary: "Email a new verification link (nothing when already verified)",
    responses: {
      202: jsonResponse("Accepted", MessageSchema),
      429: errorContent("Too many links asked for this account; see Retry-After"),
    },
  },
  { after: [perUser("emailVerification")] },
);
