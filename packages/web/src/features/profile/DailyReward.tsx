import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/errors";
import { queries } from "../../api/queries";
import type { PrivateProfile } from "../../api/sign-in";
import { Button } from "../../components/Button";
import { useToast } from "../../components/Toast";
import { Alert, Card } from "../../components/ui";
import { formatCredits, formatDateTime, formatDuration } from "../../lib/format";
import { useClaimDailyReward } from "./mutations";
import styles from "./profile.module.css";

/** Re-renders every second while a countdown is running. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The daily reward: the claim button, or the countdown to the next claim; the streak. */
export function DailyReward({ user }: { user: PrivateProfile }) {
  const config = useQuery(queries.config()).data;
  const toast = useToast();
  const [nextFromServer, setNextFromServer] = useState<string | null>(null);
  const claim = useClaimDailyReward({
    onSuccess: (result) => {
      setNextFromServer(result.nextClaimAvailable);
      toast(
        `+${formatCredits(result.reward.creditsAwarded)}. Streak: ${result.reward.streak} day${result.reward.streak === 1 ? "" : "s"}.`,
        "success",
      );
    },
    onError: (error) => {
      if (error instanceof ApiError && typeof error.body.nextClaimAvailable === "string") {
        setNextFromServer(error.body.nextClaimAvailable);
      }
    },
  });
  const last = user.lastDailyRewardAt ? new Date(user.lastDailyRewardAt).getTime() : null;
  // The server's own answer when there is one; else the rule's interval from /config.
  const nextAt = nextFromServer
    ? new Date(nextFromServer).getTime()
    : last === null || !config
      ? null
      : last + config.dailyRewardIntervalMs;
  const now = useNow(nextAt !== null);
  const waiting = nextAt !== null && nextAt > now;
  return (
    <Card>
      <div className={styles.row} id="daily-reward">
        <div>
          <h2>Daily reward</h2>
          <p className={styles.muted}>
            {config
              ? `${formatCredits(config.dailyReward)} once every ${formatDuration(config.dailyRewardIntervalMs)}. `
              : ""}
            Streak: {user.currentStreak} day{user.currentStreak === 1 ? "" : "s"} (best{" "}
            {user.longestStreak}).
          </p>
        </div>
        <div>
          <Button
            onClick={() => claim.mutate()}
            busy={claim.isPending}
            disabled={waiting}
            aria-describedby="daily-reward-when"
          >
            {waiting ? "Claimed" : config ? `Claim ${formatCredits(config.dailyReward)}` : "Claim"}
          </Button>
          <p
            id="daily-reward-when"
            className={styles.muted}
            aria-live="polite"
            style={{ marginTop: "0.375rem", fontSize: "0.875rem" }}
          >
            {waiting && nextAt
              ? `Next claim in ${formatDuration(nextAt - now)} (${formatDateTime(new Date(nextAt).toISOString())})`
              : "Available now"}
          </p>
        </div>
      </div>
      {claim.isError &&
      !(claim.error instanceof ApiError && claim.error.code === "DAILY_REWARD_CLAIMED") ? (
        <div style={{ marginTop: "0.75rem" }}>
          <Alert tone="error">
            {claim.error instanceof ApiError && claim.error.code === "BALANCE_CAP_EXCEEDED"
              ? "Your balance is at the cap, so the reward can't be added."
              : claim.error instanceof ApiError && claim.error.code === "RATE_LIMIT_EXCEEDED"
                ? "Too many tries. Wait a minute and try again."
                : "Couldn't claim the reward. Please try again."}
          </Alert>
        </div>
      ) : null}
    </Card>
  );
}
