import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { queries } from "../api/queries";
import { getSignInState, subscribe } from "../api/sign-in";

export function useSignIn() {
  return useSyncExternalStore(subscribe, getSignInState);
}

/** The signed-in user's profile (balance included), or undefined signed out / loading. */
export function useMe() {
  const signIn = useSignIn();
  return useQuery({ ...queries.me(), enabled: signIn.status === "signedIn" });
}

/**
 * Whether the balance is under the low-credit threshold: the API's flag, but
 * checked against the threshold too so a balance just set from a bet's answer
 * (before the profile is re-read) shows the banner at once.
 */
export function useLowCredits(): boolean {
  const me = useMe().data;
  const config = useQuery(queries.config()).data;
  if (!me) return false;
  return config ? me.creditBalance < config.lowCreditWarning : me.lowCredits;
}
