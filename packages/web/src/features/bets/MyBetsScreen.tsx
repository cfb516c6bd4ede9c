import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { buttonClass } from "../../components/Button";
import styles from "../../components/list.module.css";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Badge, Card, EmptyState, PageHeader, Pager } from "../../components/ui";
import { formatDateTime, formatNumber, formatPercent, formatSigned } from "../../lib/format";
import { useCursorPages } from "../../lib/useCursorPages";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { betPayout, betStatusLabels, betValue, sideName } from "./bets";
import { type Bet, betQueries } from "./queries";
import type { BetsSearch } from "./routes";

const route = getRouteApi("/bets");
const pageSize = 20;
const tabs: { status: BetsSearch["status"]; label: string }[] = [
  { status: undefined, label: "All" },
  { status: "pending", label: "Pending" },
  { status: "won", label: "Won" },
  { status: "lost", label: "Lost" },
  { status: "cancelled", label: "Cancelled" },
  { status: "cashed_out", label: "Cashed out" },
];

const columns: Column<Bet>[] = [
  {
    header: "Market",
    primary: true,
    cell: (bet) => (
      <>
        <Link
          to="/markets/$marketId"
          params={{ marketId: bet.marketId }}
          className={styles.marketLink}
        >
          {bet.market.title}
        </Link>
        <span className={styles.sub}>
          {sideName(bet)} at {formatPercent(bet.oddsAtBet)} · {formatDateTime(bet.placedAt)}
        </span>
      </>
    ),
  },
  {
    header: "Status",
    cell: (bet) => <Badge tone={bet.status}>{betStatusLabels[bet.status]}</Badge>,
  },
  { header: "Amount", numeric: true, cell: (bet) => formatNumber(bet.amount) },
  {
    header: "Payout",
    numeric: true,
    cell: (bet) => {
      const { payout } = betPayout(bet);
      return bet.status === "pending" ? (
        <span title="If it wins">{formatNumber(payout)}*</span>
      ) : (
        formatNumber(payout)
      );
    },
  },
  {
    header: "Value",
    numeric: true,
    cell: (bet) => {
      const { value, realized } = betValue(bet);
      if (value === null) return <span className={styles.muted}>–</span>;
      return realized ? (
        formatNumber(value)
      ) : (
        <span title="At today's odds">{formatNumber(value)}</span>
      );
    },
  },
  {
    header: "P&L",
    numeric: true,
    cell: (bet) => {
      const { pnl, realized } = betValue(bet);
      if (pnl === null) return <span className={styles.muted}>–</span>;
      return (
        <span
          className={pnl >= 0 ? styles.plus : styles.minus}
          title={realized ? "Realized" : "If sold at today's odds"}
        >
          {formatSigned(pnl)}
        </span>
      );
    },
  },
  {
    header: "Details",
    cell: (bet) => (
      <>
        <Link
          to="/bets/$betId"
          params={{ betId: bet.id }}
          aria-label={`Details of the bet on ${bet.market.title}`}
        >
          Details
        </Link>
        {bet.status === "pending" ? (
          <>
            {" · "}
            <Link
              to="/bets/$betId"
              params={{ betId: bet.id }}
              aria-label={`Cash out the bet on ${bet.market.title}`}
            >
              Cash out
            </Link>
          </>
        ) : null}
      </>
    ),
  },
];

export function MyBetsScreen() {
  useDocumentTitle("My bets");
  const { status } = route.useSearch();
  const pages = useCursorPages(status ?? "");
  const list = useQuery(
    betQueries.mine({
      limit: pageSize,
      ...(status ? { status } : {}),
      ...(pages.cursor ? { cursor: pages.cursor } : {}),
    }),
  );

  return (
    <>
      <PageHeader
        title="My bets"
        description="* Pending bets show what they pay if they win; their value and P&L are at today's odds."
      />
      <nav className={styles.tabs} aria-label="Filter bets by status">
        {tabs.map((tab) => (
          <Link
            key={tab.label}
            to="/bets"
            search={tab.status ? { status: tab.status } : {}}
            className={styles.tab}
            aria-current={tab.status === status ? "page" : undefined}
            activeOptions={{ includeSearch: true }}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <QueryBoundary
        queries={[list]}
        pending={
          <Card>
            <SkeletonBlock lines={5} label="Loading bets" />
          </Card>
        }
      >
        {(page) =>
          page.bets.length === 0 ? (
            <Card>
              <EmptyState
                title={status ? `No ${betStatusLabels[status].toLowerCase()} bets` : "No bets yet"}
              >
                <p>Find a market you have an opinion on.</p>
                <Link to="/" className={buttonClass()}>
                  Browse markets
                </Link>
              </EmptyState>
            </Card>
          ) : (
            <Table
              caption="My bets, newest first"
              columns={columns}
              rows={page.bets}
              rowKey={(bet) => bet.id}
            />
          )
        }
      </QueryBoundary>
      <Pager
        label="Bet pages"
        summary={list.data?.bets.length ? `Page ${pages.page}` : undefined}
        onPrevious={pages.previous}
        onNext={pages.next(list.data?.nextCursor)}
      />
    </>
  );
}
