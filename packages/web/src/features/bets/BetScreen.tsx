import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ApiError, unwrap } from "../../api/errors";
import { api } from "../../api/sign-in";
import { SkeletonBlock } from "../../components/Skeleton";
import { Badge, Card, EmptyState, ErrorState, PageHeader } from "../../components/ui";
import { formatCredits, formatDateTime, formatPercent, formatSigned } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "../markets/market.module.css";
import { betPayout, betStatusLabels, sideName } from "./bets";

const route = getRouteApi("/bets/$betId");

export function BetScreen() {
  useDocumentTitle("Bet");
  const { betId } = route.useParams();
  const bet = useQuery({
    queryKey: ["bets", "one", betId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/bets/{betId}", { params: { path: { betId } } })),
  });
  if (bet.isPending) return <SkeletonBlock lines={4} label="Loading bet" />;
  if (bet.isError) {
    return bet.error instanceof ApiError && bet.error.status === 404 ? (
      <EmptyState title="Bet not found">
        <Link to="/bets">Back to my bets</Link>
      </EmptyState>
    ) : (
      <ErrorState error={bet.error} onRetry={() => void bet.refetch()} />
    );
  }
  const b = bet.data;
  const { payout, profit } = betPayout(b);
  return (
    <>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link to="/bets">← My bets</Link>
      </nav>
      <PageHeader
        title={`${formatCredits(b.amount)} on ${sideName(b)}`}
        description={
          <Link to="/markets/$marketId" params={{ marketId: b.marketId }}>
            {b.market.title}
          </Link>
        }
      />
      <Card>
        <dl className={styles.stats}>
          <div>
            <dt>Status</dt>
            <dd>
              <Badge tone={b.status}>{betStatusLabels[b.status]}</Badge>
            </dd>
          </div>
          <div>
            <dt>Odds when placed</dt>
            <dd>{formatPercent(b.oddsAtBet)}</dd>
          </div>
          <div>
            <dt>{b.status === "pending" ? "Pays if it wins" : "Paid"}</dt>
            <dd>{formatCredits(payout)}</dd>
          </div>
          <div>
            <dt>Profit</dt>
            <dd>{profit === null ? "–" : formatSigned(profit)}</dd>
          </div>
          <div>
            <dt>Placed</dt>
            <dd>{formatDateTime(b.placedAt)}</dd>
          </div>
          <div>
            <dt>Settled</dt>
            <dd>{formatDateTime(b.resolvedAt)}</dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
