import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { ValidationFailed } from "../errors";
import { readPage, serviceFor } from "../service";

export interface UserSearch {
  /** A prefix of the email (case-insensitive). */
  email?: string | undefined;
  /** A prefix of the username (case-insensitive). */
  username?: string | undefined;
  /** 1 to 100; default 20. */
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

export const maxUserSearchLimit = 100;

/**
 * Users whose email or username starts with a prefix, in that key's order: one
 * Query on the partition of the prefix's first character (`byEmailPrefix`,
 * `byUsernamePrefix`), never a Scan.
 */
export async function findUsers(
  ctx: CoreContext,
  search: UserSearch,
): Promise<{ users: UserItem[]; cursor: string | null }> {
  const limit = search.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxUserSearchLimit) {
    throw new ValidationFailed("Invalid limit", {
      limit: `must be an integer from 1 to ${maxUserSearchLimit}`,
    });
  }
  const email = search.email?.trim().toLowerCase();
  const username = search.username?.trim().toLowerCase();
  if (!email === !username) {
    throw new ValidationFailed("Search by one key", {
      query: "give exactly one of email or username (a prefix of at least one character)",
    });
  }
  const { query } = serviceFor(ctx.db).entities.user;
  const page = await readPage(() =>
    email
      ? query
          .byEmailPrefix({ emailInitial: email.slice(0, 1) })
          .begins({ emailKey: email })
          .go({ limit, cursor: search.cursor ?? null })
      : query
          .byUsernamePrefix({ usernameInitial: (username as string).slice(0, 1) })
          .begins({ usernameKey: username as string })
          .go({ limit, cursor: search.cursor ?? null }),
  );
  return { users: page.data, cursor: page.cursor };
}
