import type { SigningKeys } from "../auth/signing-keys";
import type { CoreContext } from "../context";
import type { EmailSender } from "../email/email";

/** Accounts need, beyond the core context, the token signing keys and the email port. */
export interface AccountsContext extends CoreContext {
  keys: SigningKeys;
  email: EmailSender;
}
