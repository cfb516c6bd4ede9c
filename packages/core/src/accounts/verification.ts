import { jwtVerify, SignJWT } from "jose";
import { accessTokenIssuer } from "../auth/access-token";
import { DomainError } from "../errors";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { getUser } from "./profile";

/** Its own JWT type and audience, so no access token passes as a verification link or back. */
const tokenType = "email-verify+jwt";
const audience = "credits-market-email-verification";

/** A verification link that is forged, expired, or for an address the account no longer has. */
export class InvalidVerificationToken extends DomainError {
  constructor(cause?: unknown) {
    super(
      "INVALID_VERIFICATION_TOKEN",
      "This verification link is invalid or has expired",
      undefined,
      {
        cause,
      },
    );
  }
}

/**
 * Emails the account a signed link (HS256 under the access-token keyring, for
 * `EMAIL_VERIFICATION_TTL_SECONDS`) that proves the owner reads mail at the
 * address. Sent at registration; the user may ask again. Unverified accounts
 * play as usual; only ADMIN_EMAILS' admin role waits for it.
 */
export async function sendEmailVerification(ctx: AccountsContext, userId: string): Promise<void> {
  const user = await getUser(ctx, userId);
  if (!user.email || user.emailVerifiedAt) return;
  const issuedAt = Math.floor(ctx.clock().getTime() / 1000);
  const token = await new SignJWT({ email: user.email })
    .setProtectedHeader({ alg: "HS256", typ: tokenType, kid: ctx.keys.current.kid })
    .setIssuer(accessTokenIssuer)
    .setAudience(audience)
    .setSubject(user.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ctx.config.EMAIL_VERIFICATION_TTL_SECONDS)
    .sign(ctx.keys.current.secret);
  const hours = Math.round(ctx.config.EMAIL_VERIFICATION_TTL_SECONDS / 3600);
  await ctx.email.send({
    to: user.email,
    subject: "Verify your Credits Market email",
    text: [
      `Hi ${user.username ?? ""},`,
      "",
      `Confirm that this is your address by opening this link within ${hours} hours:`,
      `${ctx.config.PUBLIC_URL}/verify-email?token=${token}`,
      "",
      `Or use this code with POST /api/v1/auth/email/verify: ${token}`,
      "",
      "If you did not create an account, ignore this email.",
    ].join("\n"),
  });
}

/** Marks the address verified when the link is ours, unexpired and for the account's current email. */
export async function verifyEmail(ctx: AccountsContext, token: string): Promise<void> {
  let userId: string;
  let email: unknown;
  try {
    const { payload } = await jwtVerify(
      token,
      ({ kid }) => {
        const key = ctx.keys.all.find((candidate) => candidate.kid === kid);
        if (!key) throw new Error("unknown kid");
        return key.secret;
      },
      {
        algorithms: ["HS256"],
        issuer: accessTokenIssuer,
        audience,
        typ: tokenType,
        currentDate: ctx.clock(),
        requiredClaims: ["sub", "exp"],
      },
    );
    userId = payload.sub as string;
    email = payload.email;
  } catch (error) {
    throw new InvalidVerificationToken(error);
  }
  const user = await getUser(ctx, userId).catch((error: unknown) => {
    throw new InvalidVerificationToken(error);
  });
  if (typeof email !== "string" || user.email !== email) {
    throw new InvalidVerificationToken("address changed");
  }
  if (user.emailVerifiedAt) return;
  const now = ctx.clock().toISOString();
  await serviceFor(ctx.db)
    .entities.user.patch({ userId })
    .set({ emailVerifiedAt: now, updatedAt: now })
    .go();
}
