import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { UserNotFound } from "../errors";
import { serviceFor } from "../service";

/** What a user chooses for themselves, apart from their profile's fields. */
export interface Preferences {
  /** An email for every bet that wins (docs/product-rules.md, Notifications). */
  emailPayouts: boolean;
}

/**
 * Sets the user's preferences (`PUT /users/me/preferences`) and answers the
 * user as stored. A patch: a user that does not exist is refused, never made.
 */
export async function setPreferences(
  ctx: CoreContext,
  userId: string,
  preferences: Preferences,
): Promise<UserItem> {
  try {
    const { data } = await serviceFor(ctx.db)
      .entities.user.patch({ userId })
      .set({ emailPayouts: preferences.emailPayouts, updatedAt: ctx.clock().toISOString() })
      .go({ response: "all_new" });
    return data as UserItem;
  } catch (error) {
    if (isConditionFailed(error)) throw new UserNotFound(userId);
    throw error;
  }
}
