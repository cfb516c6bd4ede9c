import { useQuery } from "@tanstack/react-query";
import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Alert, Badge, Card } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import type { Market } from "../markets/queries";
import styles from "./admin.module.css";
import { useRestartSettlement } from "./mutations";
import { adminQueries } from "./queries";

const stateLabels = {
  none: "Not started",
  pending: "Starting",
  running: "Running",
  done: "Done",
} as const;

/** A market's settlement as it runs: bets settled and left, polled until done. */
export function SettlementCard({ market }: { market: Market }) {
  const { id: marketId, title } = market;
  const progress = useQuery(adminQueries.settlement(marketId));
  const restart = useRestartSettlement(marketId);
  const data = progress.data;
  const settled = data?.settledBets ?? 0;
  const total = data ? settled + data.pendingBets : 0;
  return (
    <Card>
      <section aria-labelledby={`settlement-${marketId}`} className={styles.form}>
        <h2 id={`settlement-${marketId}`} className={styles.sectionTitle}>
          Settlement: {title}
        </h2>
        <QueryBoundary
          queries={[progress]}
          pending={<SkeletonBlock lines={2} label="Loading the settlement" />}
        >
          {(data) =>
            data ? (
              <>
                <p aria-live="polite" data-testid="settlement-state">
                  <Badge tone={data.settlement === "done" ? "won" : "pending"}>
                    {stateLabels[data.settlement]}
                  </Badge>{" "}
                  {settled} of {total} bet{total === 1 ? "" : "s"} settled
                  {data.pendingBets ? `, ${data.pendingBets} pending` : ""}.
                </p>
                <div
                  className={styles.progressBar}
                  role="progressbar"
                  aria-label="Bets settled"
                  aria-valuemin={0}
                  aria-valuemax={total}
                  aria-valuenow={settled}
                >
                  <span style={{ width: `${total ? (settled / total) * 100 : 100}%` }} />
                </div>
                <dl className={styles.facts}>
                  <div>
                    <dt>Result</dt>
                    <dd>
                      {data.resolution === "this"
                        ? `${market.thisOption} won`
                        : data.resolution === "that"
                          ? `${market.thatOption} won`
                          : data.resolution === "invalid"
                            ? "Invalid: stakes refunded"
                            : "–"}
                    </dd>
                  </div>
                  <div>
                    <dt>Started</dt>
                    <dd>{formatDateTime(data.startedAt)}</dd>
                  </div>
                  <div>
                    <dt>Finished</dt>
                    <dd>{formatDateTime(data.finishedAt)}</dd>
                  </div>
                </dl>
                {data.status === "resolved" &&
                data.settlement !== "running" &&
                data.pendingBets > 0 ? (
                  <div className={styles.actions}>
                    <Button
                      variant="secondary"
                      busy={restart.isPending}
                      onClick={() => restart.mutate()}
                    >
                      Run the settlement again
                    </Button>
                    <span className={styles.muted}>Safe: a settled bet is never paid twice.</span>
                  </div>
                ) : null}
                {restart.isError ? (
                  <Alert tone="error">{describeError(restart.error)}</Alert>
                ) : null}
              </>
            ) : null
          }
        </QueryBoundary>
      </section>
    </Card>
  );
}
