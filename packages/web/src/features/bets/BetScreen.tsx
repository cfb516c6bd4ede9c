import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Badge, Card, EmptyState, PageHeader } from "../../components/ui";
import { formatCredits, formatDateTime, formatPercent, formatSigned } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "../markets/market.module.css";
import { betPayout, betStatusLabels, betValue, sideName } from "./bets";
import { CashoutPanel } from "./CashoutPanel";
import { type Bet, betQueries } from "./queries";

const route = getRouteApi("/bets/$betId");

export function BetScreen() {
  useDocumentTitle("Bet");
  const { betId } = route.useParams();
  const bet = useQuery(betQueries.one(betId));
  return (
    <QueryBoundary
      queries={[bet]}
      pending={<SkeletonBlock lines={4} label="Loading bet" />}
      notFound={
        <EmptyState title="Bet not found">
          <Link to="/bets">Back to my bets</Link>
        </EmptyState>
      }
    >
      {(b) => <BetDetail b={b} />}
    </QueryBoundary>
  );
}

function BetDetail({ b }: { b: Bet }) {
  const { payout } = betPayout(b);
  const { value, pnl, realized } = betValue(b);
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
          {realized ? null : (
            <div>
              <dt>Worth now</dt>
              <dd>{value === null ? "–" : formatCredits(value)}</dd>
            </div>
          )}
          {b.cashoutAmount === null ? null : (
            <div>
              <dt>Cashed out for</dt>
              <dd>{formatCredits(b.cashoutAmount)}</dd>
            </div>
          )}
          <div>
            <dt>{realized ? "Profit" : "P&L at today's odds"}</dt>
            <dd>{pnl === null ? "–" : formatSigned(pnl)}</dd>
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
      {b.status === "pending" || b.status === "cashed_out" ? <CashoutPanel bet={b} /> : null}
    </>
  );
}
