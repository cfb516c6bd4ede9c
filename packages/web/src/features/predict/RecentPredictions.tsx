import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Button, buttonClass } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Badge, Card } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { GeneratePredictionButton } from "./GeneratePredictionButton";
import { MarketPicker } from "./MarketPicker";
import { predictionQueries, type SessionSummary } from "./queries";
import styles from "./recent.module.css";

const weekMs = 7 * 24 * 60 * 60 * 1000;
const statusLabels: Record<SessionSummary["status"], string> = {
  initializing: "Running",
  researching: "Running",
  generating: "Running",
  finished: "Finished",
  error: "Failed, refunded",
};
const statusTones: Record<SessionSummary["status"], string> = {
  initializing: "pending",
  researching: "pending",
  generating: "pending",
  finished: "won",
  error: "lost",
};

/**
 * The dashboard's Recent predictions: "New Prediction" (a small market picker)
 * at the top, and per session "Predict again" (same models) and "View session".
 */
export function RecentPredictions() {
  // Fixed once, so the query's key (and cache) stays the same while the page is open.
  const [since] = useState(() => new Date(Date.now() - weekMs).toISOString());
  const recent = useQuery(predictionQueries.recent({ since, limit: 10 }));
  const models = useQuery(predictionQueries.models()).data;
  const names = new Map(models?.map((model) => [model.id, model.name]));
  const [picking, setPicking] = useState(false);

  return (
    <Card>
      <section aria-labelledby="recent-predictions">
        <div className={styles.head}>
          <div>
            <h2 id="recent-predictions">Recent predictions</h2>
            <p className={styles.muted}>Your Predict with AI sessions of the last 7 days.</p>
          </div>
          <Button onClick={() => setPicking(true)}>New Prediction</Button>
        </div>
        <QueryBoundary
          queries={[recent]}
          pending={<SkeletonBlock lines={3} label="Loading recent predictions" />}
        >
          {(sessions) =>
            sessions.length === 0 ? (
              <p className={styles.empty}>
                No predictions yet. Press New Prediction, or Predict on any market.
              </p>
            ) : (
              <ul className={styles.list}>
                {sessions.map((session) => (
                  <li key={session.sessionId} className={styles.item}>
                    <div className={styles.what}>
                      <Link to="/markets/$marketId" params={{ marketId: session.marketId }}>
                        {session.marketTitle}
                      </Link>
                      <span className={styles.muted}>
                        {session.selectedModels.map((id) => names.get(id) ?? id).join(", ")} ·{" "}
                        {formatDateTime(session.createdAt)}
                      </span>
                    </div>
                    <Badge tone={statusTones[session.status]}>{statusLabels[session.status]}</Badge>
                    <div className={styles.rowActions}>
                      <GeneratePredictionButton
                        marketId={session.marketId}
                        surface="recent_predictions"
                        label="Predict again"
                        models={session.selectedModels}
                        variant="secondary"
                        size="small"
                        ariaLabel={`Predict again: ${session.marketTitle}`}
                      />
                      <Link
                        to="/predict/$marketId/$sessionId"
                        params={{ marketId: session.marketId, sessionId: session.sessionId }}
                        className={buttonClass("ghost", "small")}
                        aria-label={`View session: ${session.marketTitle}`}
                      >
                        View session
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryBoundary>
      </section>
      <MarketPicker open={picking} onClose={() => setPicking(false)} />
    </Card>
  );
}
