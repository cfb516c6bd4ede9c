import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { UserNotFound } from "../errors";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { findUserByEmail } from "./profile";

/** Makes an existing account an admin (the `promote-admin` script). */
export async function promoteToAdmin(ctx: AccountsContext, email: string): Promise<UserItem> {
  const user = await findUserByEmail(ctx, email);
  if (!user) throw new UserNotFound(email);
  return setRole(ctx, user, "admin");
}

async function setRole(ctx: CoreContext, user: UserItem, role: UserItem["role"]) {
  const updatedAt = ctx.clock().toISOString();
  await serviceFor(ctx.db)
    .entities.user.patch({ userId: user.userId })
    .set({ role, updatedAt })
    .go();
  return { ...user, role, updatedAt };
}
