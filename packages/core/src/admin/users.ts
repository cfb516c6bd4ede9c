import { privateProfile } from "../accounts/profile";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { ValidationFailed } from "../errors";
import { pageSizes } from "../limits";
import { listPage, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";

export interface UserSearch {
  /** A prefix of the email (case-insensitive). */
  email?: string | undefined;
  /** A prefix of the username (case-insensitive). */
  username?: string | undefined;
  /** 1 to 100; default 20 (`pageSizes.adminUsers`). */
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

/**
 * Users whose email or username starts with a prefix, in that key's order: one
 * Query of the search keys (`UserSearchKey`) on the partition of the prefix's
 * first character with a `Limit` of the page, never a Scan, then one
 * BatchGetItem of the users found.
 */
export async function findUsers(
  ctx: CoreContext,
  search: UserSearch,
): Promise<{ users: UserItem[]; cursor: string | null }> {
  const email = search.email?.trim().toLowerCase();
  const username = search.username?.trim().toLowerCase();
  if (!email === !username) {
    throw new ValidationFailed("Search by one key", {
      query: "give exactly one of email or username (a prefix of at least one character)",
    });
  }
  const { user: users, userSearchKey: keys } = serviceFor(ctx.db).entities;
  const query = email
    ? keys.query.byEmailPrefix({ emailInitial: email.slice(0, 1) }).begins({ emailKey: email })
    : keys.query
        .byUsernamePrefix({ usernameInitial: (username as string).slice(0, 1) })
        .begins({ usernameKey: username as string });
  const page = await listPage(ctx, search, {
    scope: scopeOf("admin-users", null, { email, username }),
    size: pageSizes.adminUsers,
    query: sourceOf(query, keys, "asc"),
  });
  const ids = page.items.map((key) => key.userId);
  const { data } = ids.length
    ? await users.get(ids.map((userId) => ({ userId }))).go()
    : { data: [] as UserItem[] };
  const byId = new Map(data.map((user) => [user.userId, user]));
  const found = ids.flatMap((userId) => byId.get(userId) ?? []);
  return { users: found, cursor: page.nextCursor };
}

/** What an admin sees of a user: the private profile plus the ledger's bookkeeping. */
export function toAdminUserView(user: UserItem, ctx: Pick<CoreContext, "config" | "clock">) {
  return {
    ...privateProfile(user, ctx),
    ledgerEntries: user.ledgerSeq,
    updatedAt: user.updatedAt,
  };
}
