import type { AccountsContext } from "@market/core/accounts";
import type { UserItem } from "@market/core/entities";
import type { AppServices } from "../services";

/** The caller: the access token's user, with the role stored for them now. */
export interface Caller {
  userId: string;
  role: UserItem["role"];
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
