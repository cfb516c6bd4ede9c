import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { queries } from "../../api/queries";
import { useMe } from "../../app/sign-in-hooks";
import { buttonClass } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Alert, Card, EmptyState, PageHeader } from "../../components/ui";
import { formatCredits, formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { type Market, marketQueries } from "../markets/queries";
import { Forecasts } from "./Forecasts";
import styles from "./predict.module.css";
import { type PredictionSession, predictionQueries } from "./queries";
import { ModelRows, ProgressSkeleton, StepChip } from "./SessionProgress";

const route = getRouteApi("/predict/$marketId/$sessionId");

/** A session: skeletons, then its progress polled until it ends, then forecasts or the refund. */
export function PredictResultsScreen() {
  const { marketId, sessionId } = route.useParams();
  const queryClient = useQueryClient();
  const config = useQuery(queries.config()).data;
  const session = useQuery(
    // Polled at the API's own interval (`/config`), from the moment it is known.
    predictionQueries.session(sessionId, config?.sessionPollMs, queryClient),
  );
  const market = useQuery(marketQueries.one(marketId)).data;
  useDocumentTitle(market ? `AI prediction: ${market.title}` : "AI prediction");

  // The page shows at once, with skeletons where the session's progress goes.
  return (
    <QueryBoundary
      queries={[session]}
      pending={<Results marketId={marketId} market={market} />}
      notFound={
        <EmptyState title="Prediction not found">
          <p>It may belong to another account.</p>
          <Link to="/predict/$marketId" params={{ marketId }}>
            Start a new prediction
          </Link>
        </EmptyState>
      }
    >
      {(data) => <Results marketId={marketId} market={market} data={data} />}
    </QueryBoundary>
  );
}

function Results({
  marketId,
  market,
  data,
}: {
  marketId: string;
  market: Market | undefined;
  data?: PredictionSession;
}) {
  const models = useQuery(predictionQueries.models()).data;
  return (
    <>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link to="/markets/$marketId" params={{ marketId }}>
          ← Back to the market
        </Link>
      </nav>
      <PageHeader
        title="AI prediction"
        description={data ? data.marketTitle : (market?.title ?? "Loading…")}
        actions={
          data ? (
            <Link
              to="/predict/$marketId"
              params={{ marketId }}
              search={{ models: data.selectedModels.join(",") }}
              className={buttonClass("secondary", "small")}
            >
              Predict again
            </Link>
          ) : null
        }
      />
      <div className={styles.results}>
        <Card>
          <h2 className={styles.sectionTitle}>Progress</h2>
          {data ? (
            <div className={styles.progress}>
              <StepChip session={data} />
              <ModelRows session={data} models={models} thisOption={market?.thisOption ?? "Yes"} />
              <p className={styles.muted}>
                Started {formatDateTime(data.createdAt)}
                {data.completedAt ? ` · ended ${formatDateTime(data.completedAt)}` : ""}
                {data.charged ? ` · ${formatCredits(data.charged)}` : " · free"}
              </p>
            </div>
          ) : (
            <ProgressSkeleton rows={3} />
          )}
        </Card>
        {data?.status === "error" ? <Refunded session={data} /> : null}
        {data?.status === "finished" && market ? (
          <Card>
            <Forecasts session={data} market={market} models={models} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

/** The failure, and that the credits came back (the header shows the balance with them). */
function Refunded({ session }: { session: PredictionSession }) {
  const me = useMe().data;
  return (
    <Alert tone="error">
      <p>
        <strong>This prediction failed</strong>
        {session.error ? ` (${session.error})` : ""}.
      </p>
      <p>
        {session.charged > 0
          ? `Your ${formatCredits(session.charged)} ${session.charged === 1 ? "was" : "were"} refunded${me ? `: your balance is ${formatCredits(me.creditBalance)}` : ""}.`
          : "Nothing was charged for it."}{" "}
        You can try again.
      </p>
    </Alert>
  );
}
