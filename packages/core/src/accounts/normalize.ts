/** Emails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Unicode TR39's confusables (confusables.txt) that map a character of the
 * username alphabet `[A-Za-z0-9_]` to other characters of it are `0 → O`,
 * `1 → l`, `I → l` and `m → rn`. Usernames are also unique regardless of case,
 * and case folding turns `I` into `i`; so on the folded name `i` joins `l`
 * (keeping TR39's `I ~ l`), and `0` joins `o`.
 */
const foldedConfusables: Record<string, string> = { "0": "o", "1": "l", i: "l", m: "rn" };

/**
 * The uniqueness key of a username, stored as its guard: the TR39 confusable
 * skeleton of the case-folded name. `aIice`, `a1ice`, `ALICE` and `alice` share
 * one key, so only one of them can exist. Names keep their case for display.
 * (It is a little stricter than TR39: `alice` and `allce` collide too.)
 */
export function usernameKey(username: string): string {
  return username.toLowerCase().replace(/[01im]/g, (char) => foldedConfusables[char] ?? char);
}

/** Names that would pass for the operators or the system, compared by skeleton. */
const reservedUsernames = [
  "admin",
  "administrator",
  "admins",
  "root",
  "superuser",
  "sysadmin",
  "system",
  "support",
  "help",
  "helpdesk",
  "staff",
  "moderator",
  "mod",
  "security",
  "official",
  "operator",
  "owner",
  "api",
  "null",
  "undefined",
  "anonymous",
  "me",
  "credits",
  "creditsmarket",
  "credits_market",
  "market",
  "no_reply",
  "noreply",
  "postmaster",
  "webmaster",
];
const reservedKeys = new Set(reservedUsernames.map(usernameKey));

/** Whether `username` is, or looks like, a reserved name. */
export function isReservedUsername(username: string): boolean {
  return reservedKeys.has(usernameKey(username));
}
