import type { CoreContext } from "@market/core";

/** What every request handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    core: CoreContext;
    requestId: string;
  };
}
