import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import listStyles from "../../components/list.module.css";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Badge, Card } from "../../components/ui";
import { formatNumber, formatPercent, formatSigned } from "../../lib/format";
import { betStatusLabels, betValue, sideName } from "./bets";
import { PortfolioChart } from "./PortfolioChart";
import styles from "./portfolio.module.css";
import {
  type Bet,
  betQueries,
  type PortfolioRange,
  type Position,
  type PublicPortfolio,
} from "./queries";

type Totals = PublicPortfolio["totals"];

function Signed({ amount }: { amount: number }) {
  return <span className={amount > 0 ? styles.plus : undefined}>{formatSigned(amount)}</span>;
}

function marketColumn(): Column<Position> {
  return {
    header: "Market",
    primary: true,
    cell: (position) => (
      <>
        <Link
          to="/markets/$marketId"
          params={{ marketId: position.marketId }}
          className={listStyles.marketLink}
        >
          {position.market.title}
        </Link>
        <span className={listStyles.sub}>
          {sideName(position)} at {formatPercent(position.oddsAtBet)}, now{" "}
          {formatPercent(position.currentOdds)}
        </span>
      </>
    ),
  };
}

const figureColumns: Column<Position>[] = [
  { header: "Stake", numeric: true, cell: (position) => formatNumber(position.amount) },
  {
    header: "Value",
    numeric: true,
    cell: (position) =>
      position.currentValue === null ? (
        <span className={listStyles.muted}>–</span>
      ) : (
        formatNumber(position.currentValue)
      ),
  },
  {
    header: "P&L",
    numeric: true,
    cell: (position) =>
      position.unrealizedPnL === null ? (
        <span className={listStyles.muted}>–</span>
      ) : (
        <Signed amount={position.unrealizedPnL} />
      ),
  },
];

/** The owner's rows also lead to the bet, where it can be cashed out. */
const ownColumns: Column<Position>[] = [
  marketColumn(),
  ...figureColumns,
  {
    header: "Bet",
    cell: (position) => (
      <Link
        to="/bets/$betId"
        params={{ betId: position.id }}
        aria-label={`Details or cash out of the bet on ${position.market.title}`}
      >
        Details or cash out
      </Link>
    ),
  },
];

const publicColumns: Column<Position>[] = [marketColumn(), ...figureColumns];

/** A settled or cashed-out bet: what it was on, what it paid and its realized P&L. */
const resultColumns: Column<Bet>[] = [
  {
    header: "Market",
    primary: true,
    cell: (bet) => (
      <>
        <Link
          to="/markets/$marketId"
          params={{ marketId: bet.marketId }}
          className={listStyles.marketLink}
        >
          {bet.market.title}
        </Link>
        <span className={listStyles.sub}>
          {sideName(bet)} at {formatPercent(bet.oddsAtBet)}
        </span>
      </>
    ),
  },
  {
    header: "Result",
    cell: (bet) => <Badge tone={bet.status}>{betStatusLabels[bet.status]}</Badge>,
  },
  { header: "Stake", numeric: true, cell: (bet) => formatNumber(bet.amount) },
  { header: "Paid", numeric: true, cell: (bet) => formatNumber(bet.actualPayout ?? 0) },
  {
    header: "P&L",
    numeric: true,
    cell: (bet) => <Signed amount={betValue(bet).pnl ?? 0} />,
  },
];

/** The owner's balance, and what it and the positions are worth together. */
interface Account {
  balance: number;
  total: number;
}

function TotalsList({ totals, account }: { totals: Totals; account?: Account | undefined }) {
  const rows: [string, ReactNode, string][] = [
    ...(account
      ? ([
          ["Balance", formatNumber(account.balance), "portfolio-balance"],
          ["Total", formatNumber(account.total), "portfolio-total"],
        ] as [string, ReactNode, string][])
      : []),
    ["Positions value", formatNumber(totals.currentValue), "portfolio-value"],
    ["Invested", formatNumber(totals.invested), "portfolio-invested"],
    [
      "Unrealized P&L",
      <Signed key="unrealized" amount={totals.unrealizedPnL} />,
      "portfolio-unrealized",
    ],
    ["Realized P&L", <Signed key="realized" amount={totals.realizedPnL} />, "portfolio-realized"],
  ];
  return (
    <dl className={styles.totals}>
      {rows.map(([label, value, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Positions({
  portfolio,
  account,
  own,
  chart,
}: {
  portfolio: Pick<PublicPortfolio, "positions" | "totals" | "truncated">;
  account?: Account | undefined;
  own: boolean;
  /** Between the totals and the positions: the owner's chart of their total. */
  chart?: ReactNode;
}) {
  return (
    <>
      <TotalsList totals={portfolio.totals} account={account} />
      {chart}
      {portfolio.positions.length === 0 ? (
        <p className={styles.empty}>No open positions.</p>
      ) : (
        <Table
          caption="Open positions, newest first"
          columns={own ? ownColumns : publicColumns}
          rows={portfolio.positions}
          rowKey={(position) => position.id}
        />
      )}
      {portfolio.truncated ? (
        <p className={styles.note}>Only the newest open positions are shown and counted.</p>
      ) : null}
    </>
  );
}

/**
 * The signed-in user's portfolio on their profile: balance, the open positions
 * at today's odds, their totals beside the P&L already realized, and a chart
 * of the total over the last week, month or since they joined.
 */
export function MyPortfolio() {
  const [range, setRange] = useState<PortfolioRange>("1w");
  const portfolio = useQuery(betQueries.portfolio(range));
  return (
    <Card>
      <section aria-labelledby="portfolio">
        <div className={styles.head}>
          <h2 id="portfolio">Portfolio</h2>
          <p className={styles.muted}>
            Open positions at today's odds. Cash one out from its bet page.
          </p>
        </div>
        <QueryBoundary
          queries={[portfolio]}
          pending={<SkeletonBlock lines={3} label="Loading portfolio" />}
        >
          {(data) => (
            <Positions
              portfolio={data}
              account={data}
              own
              chart={
                <PortfolioChart
                  history={{ range: data.range, points: data.history }}
                  selected={range}
                  onRange={setRange}
                  loading={portfolio.isPlaceholderData}
                />
              }
            />
          )}
        </QueryBoundary>
      </section>
    </Card>
  );
}

/**
 * Someone's open positions with their totals, and their latest results, as
 * their public profile shows them (amounts included, as on Polymarket's).
 */
export function PublicPositions({ userId }: { userId: string }) {
  const portfolio = useQuery(betQueries.userPortfolio(userId));
  return (
    <QueryBoundary
      queries={[portfolio]}
      pending={
        <Card>
          <SkeletonBlock lines={3} label="Loading open positions" />
        </Card>
      }
    >
      {(data) => (
        <>
          <Card>
            <section aria-labelledby="open-positions">
              <div className={styles.head}>
                <h2 id="open-positions">Open positions</h2>
                <p className={styles.muted}>Valued at today's odds.</p>
              </div>
              <Positions portfolio={data} own={false} />
            </section>
          </Card>
          <Card>
            <section aria-labelledby="recent-results">
              <div className={styles.head}>
                <h2 id="recent-results">Recent results</h2>
                <p className={styles.muted}>Settled and cashed-out bets, newest first.</p>
              </div>
              {data.recentResults.length === 0 ? (
                <p className={styles.empty}>No results yet.</p>
              ) : (
                <Table
                  caption="Recent results, newest first"
                  columns={resultColumns}
                  rows={data.recentResults}
                  rowKey={(bet) => bet.id}
                />
              )}
            </section>
          </Card>
        </>
      )}
    </QueryBoundary>
  );
}
