import type { AccountsContext, CallerCheck } from "@market/core/accounts";
import type { UserItem } from "@market/core/entities";
import type { AppServices } from "../services";

/** The caller: the access token's user, with the role stored for them now. */
export interface Caller {
  userId: string;
  role: UserItem["role"];
  /**
   * On a money path (`requireUserCheckedOnRead`) whose token this process could
   * not judge from its copy: pass it to the operation, which judges the token
   * by its own first read of the user.
   */
  checkOnRead?: CallerCheck | undefined;
}

/** What every request handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    core: AccountsContext;
    services: AppServices;
    requestId: string;
    caller: Caller;
  };
}
