import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useSignIn } from "../../app/sign-in-hooks";
import { buttonClass } from "../../components/Button";
import { predictionQueries } from "./queries";

/** "View last run": the user's latest session on this market in the last 24 h, if any. */
export function LastRunLink({ marketId }: { marketId: string }) {
  const signIn = useSignIn();
  const recent = useQuery({
    // The API's default window is the last 24 h.
    ...predictionQueries.recent({ marketId, limit: 1 }),
    enabled: signIn.status === "signedIn",
  });
  const last = recent.data?.[0];
  if (!last) return null;
  return (
    <Link
      to="/predict/$marketId/$sessionId"
      params={{ marketId, sessionId: last.sessionId }}
      className={buttonClass("ghost")}
    >
      View last run
    </Link>
  );
}
