import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Alert } from "../../components/ui";
import type { Market } from "../markets/queries";
import styles from "./admin.module.css";
import { type Resolution, useResolveMarket } from "./mutations";
import { adminQueries } from "./queries";

/**
 * Resolve a market: pick the result, see how many pending bets it will settle,
 * confirm. The settlement then runs on its own; `onResolved` follows it.
 */
export function ResolveDialog({
  market,
  onClose,
  onResolved,
}: {
  market: Market | null;
  onClose: () => void;
  onResolved: () => void;
}) {
  return (
    <Dialog open={market !== null} onClose={onClose} title="Resolve a market">
      {market ? <ResolveForm market={market} onResolved={onResolved} onCancel={onClose} /> : null}
    </Dialog>
  );
}

function ResolveForm({
  market,
  onResolved,
  onCancel,
}: {
  market: Market;
  onResolved: () => void;
  onCancel: () => void;
}) {
  const progress = useQuery(adminQueries.settlement(market.id));
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const resolve = useResolveMarket(market.id, { onSuccess: () => onResolved() });

  const labels: Record<Resolution, string> = {
    this: `${market.thisOption} won`,
    that: `${market.thatOption} won`,
    invalid: "Invalid: refund every bet",
  };
  const pending = progress.data?.pendingBets;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (resolution && !resolve.isPending) resolve.mutate(resolution);
  }
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Resolve">
      <p>
        <strong>{market.title}</strong>
      </p>
      <fieldset className={styles.radios}>
        <legend>Result</legend>
        {(["this", "that", "invalid"] as const).map((value) => (
          <label key={value} className={styles.radio}>
            <input
              type="radio"
              name="resolution"
              value={value}
              checked={resolution === value}
              onChange={() => setResolution(value)}
            />
            {labels[value]}
          </label>
        ))}
      </fieldset>
      <Alert tone="warning" live={false}>
        <p data-testid="pending-bets">
          {pending === undefined
            ? "Counting the pending bets…"
            : `This settles ${pending} pending bet${pending === 1 ? "" : "s"}. It can't be undone.`}
        </p>
      </Alert>
      {resolve.isError ? (
        <Alert tone="error">
          {resolve.error instanceof ApiError && resolve.error.code === "MARKET_ALREADY_RESOLVED"
            ? "This market is already resolved: nothing was paid again."
            : describeError(resolve.error)}
        </Alert>
      ) : null}
      <div className={styles.actions}>
        <Button
          type="submit"
          variant="danger"
          busy={resolve.isPending}
          disabled={!resolution || pending === undefined}
        >
          {resolution ? `Resolve: ${labels[resolution]}` : "Pick a result"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
