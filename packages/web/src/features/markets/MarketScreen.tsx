import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton, SkeletonBlock } from "../../components/Skeleton";
import { Alert, Badge, Card, EmptyState } from "../../components/ui";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRelative,
} from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { GeneratePredictionButton } from "../predict/GeneratePredictionButton";
import { LastRunLink } from "../predict/LastRunLink";
import { BetForm } from "./BetForm";
import { OddsBar } from "./MarketCard";
import styles from "./market.module.css";
import { type Market, marketQueries } from "./queries";

const route = getRouteApi("/markets/$marketId");
// The chart library is the largest dependency: it loads with the first chart.
const OddsChart = lazy(() =>
  import("./OddsChart").then((module) => ({ default: module.OddsChart })),
);

export function MarketScreen() {
  const { marketId } = route.useParams();
  const market = useQuery(marketQueries.one(marketId));
  useDocumentTitle(market.data?.title ?? "Market");

  return (
    <QueryBoundary
      queries={[market]}
      pending={
        <Card>
          <SkeletonBlock lines={5} label="Loading market" />
        </Card>
      }
      notFound={
        <EmptyState title="Market not found">
          <p>It may have been removed.</p>
          <Link to="/">Browse markets</Link>
        </EmptyState>
      }
    >
      {(m) => <MarketDetail m={m} />}
    </QueryBoundary>
  );
}

function MarketDetail({ m }: { m: Market }) {
  const { side, amount } = route.useSearch();
  const winner =
    m.winningOption ??
    (m.resolution === "this" ? m.thisOption : m.resolution === "that" ? m.thatOption : null);
  return (
    <>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link to="/">← All markets</Link>
      </nav>
      <div className={styles.layout}>
        <div className={styles.head}>
          <Card>
            <div className={styles.headInner}>
              <div className={styles.meta}>
                {m.category ? <Badge>{m.category}</Badge> : null}
                <Badge tone={m.status}>{m.status}</Badge>
                <span>
                  {m.marketType === "polymarket" ? "Mirrored from Polymarket" : "Credits market"}
                </span>
              </div>
              <h1 className={styles.title}>{m.title}</h1>
              {m.status === "resolved" ? (
                <Alert tone="success">
                  {winner
                    ? `Resolved: ${winner} won${m.resolvedAt ? ` on ${formatDate(m.resolvedAt)}` : ""}.`
                    : "Resolved as invalid: every bet was refunded."}
                </Alert>
              ) : null}
              <OddsBar market={m} />
              <div className={styles.odds}>
                <p className={`${styles.option} ${styles.this}`}>
                  <span>{m.thisOption}</span>
                  <strong>{formatPercent(m.thisOdds)}</strong>
                </p>
                <p className={`${styles.option} ${styles.that}`}>
                  <span>{m.thatOption}</span>
                  <strong>{formatPercent(m.thatOdds)}</strong>
                </p>
              </div>
              <div className={styles.actionBar}>
                {m.status === "open" ? (
                  <GeneratePredictionButton marketId={m.id} surface="market_detail" />
                ) : null}
                <LastRunLink marketId={m.id} />
              </div>
              <dl className={styles.stats}>
                <div>
                  <dt>Ends</dt>
                  <dd>
                    {m.expiresAt ? (
                      <time dateTime={m.expiresAt} title={formatDateTime(m.expiresAt)}>
                        {formatDate(m.expiresAt)}
                      </time>
                    ) : (
                      "No end date"
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Time left</dt>
                  <dd>{m.status === "open" ? formatRelative(m.expiresAt) : "Closed"}</dd>
                </div>
                <div>
                  <dt>Liquidity</dt>
                  <dd>{formatNumber(Math.round(m.liquidity))}</dd>
                </div>
                <div>
                  <dt>Volume</dt>
                  <dd>{formatNumber(Math.round(m.volume))}</dd>
                </div>
              </dl>
            </div>
          </Card>
        </div>
        <aside className={styles.aside} aria-label="Bet on this market">
          <Card>
            <h2 className={styles.sectionTitle}>Place a bet</h2>
            <BetForm key={m.id} market={m} initialSide={side} initialAmount={amount} />
          </Card>
        </aside>
        <div className={styles.main}>
          <Card>
            <h2 className={styles.sectionTitle}>Odds history</h2>
            <Suspense fallback={<Skeleton height="260px" />}>
              <OddsChart market={m} />
            </Suspense>
          </Card>
          {m.description ? (
            <Card>
              <h2 className={styles.sectionTitle}>About this market</h2>
              <p className={styles.description}>{m.description}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
