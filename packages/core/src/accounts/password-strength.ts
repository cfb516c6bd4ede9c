import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { DomainError } from "../errors";

/**
 * zxcvbn's score of 0 to 4 (its guess-count bands); 3 means "safely
 * unguessable: moderate protection from offline slow-hash scenario" (~10^8
 * guesses or more). OWASP ASVS 2.1.7 asks to refuse breached and common
 * passwords; the common dictionary holds the most-used passwords and names.
 */
export const minPasswordScore = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded and built on first use: the dictionaries are most of a megabyte and
 * cost ~100 ms to index, not worth paying at every cold start (a separate chunk
 * in the Lambda bundle).
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/** A password too easy to guess; `field` names the body field it came in. */
export class WeakPassword extends DomainError {
  constructor(field: string, reason: string, suggestions: string[]) {
    super("WEAK_PASSWORD", "This password is too easy to guess", {
      fields: { [field]: reason },
      suggestions,
    });
  }
}

/**
 * Refuses a common or context-derived password: scored against the common
 * dictionary and the account's own words (username, email and its parts).
 */
export async function assertStrongPassword(
  password: string,
  context: { username?: string | undefined; email?: string | undefined },
  field = "password",
): Promise<void> {
  const inputs = [context.username, context.email, ...(context.email?.split(/[@.+_-]/) ?? [])]
    .filter((value): value is string => Boolean(value && value.length >= 3))
    .map((value) => value.toLowerCase());
  const result = (await zxcvbn()).check(password.slice(0, 128), inputs);
  if (result.score >= minPasswordScore) return;
  // zxcvbn's feedback comes as keys (e.g. `topHundred`) without a translation package.
  const why = result.feedback.warning ? ` (${result.feedback.warning})` : "";
  const reason = `is too easy to guess${why}: use a longer passphrase of uncommon words`;
  throw new WeakPassword(field, reason, result.feedback.suggestions.map(String));
}
