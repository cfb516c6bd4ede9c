import type { AccountsContext } from "@market/core/accounts";
import type { UserItem } from "@market/core/entities";
import type { AppServices } from "../services";

/** The caller, as the access token says. */
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
