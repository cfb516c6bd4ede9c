import { useEffect, useState } from "react";
import { isApiUp } from "./api";

export type ApiHealth = "checking" | "up" | "down";

const recheckEveryMs = 30_000;

/** Checks the API on mount and every 30 s, so the status line notices it coming back. */
export function useApiHealth(): ApiHealth {
  const [health, setHealth] = useState<ApiHealth>("checking");

  useEffect(() => {
    const controller = new AbortController();
    const check = async () => {
      const up = await isApiUp(controller.signal);
      // An answer that lands after unmount must not set state.
      if (!controller.signal.aborted) setHealth(up ? "up" : "down");
    };
    void check();
    const timer = setInterval(check, recheckEveryMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, []);

  return health;
}
