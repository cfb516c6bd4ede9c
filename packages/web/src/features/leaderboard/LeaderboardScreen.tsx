import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useSignIn } from "../../app/sign-in-hooks";
import styles from "../../components/list.module.css";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Alert, Card, EmptyState, PageHeader, Pager } from "../../components/ui";
import { formatDateTime, formatNumber, formatSigned } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { profileQueries } from "../profile/queries";
import { type LeaderboardRow, leaderboardQueries } from "./queries";
import type { LeaderboardSearch } from "./routes";

const route = getRouteApi("/leaderboard");
const pageSize = 25;
const boards = [
  { board: "pnl", label: "Profit and loss" },
  { board: "volume", label: "Volume" },
] as const;

export function LeaderboardScreen() {
  useDocumentTitle("Leaderboard");
  const { board = "pnl", page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: "/leaderboard" });
  const signIn = useSignIn();
  const myId = signIn.status === "signedIn" ? signIn.userId : null;
  const offset = (page - 1) * pageSize;
  const list = useQuery(leaderboardQueries.board(board, { limit: pageSize, offset }));
  // My own row, wherever it is: the page around me, when I'm not on this one.
  const onThisPage = list.data?.leaderboard.some((row) => row.user.id === myId) ?? false;
  const around = useQuery({
    ...leaderboardQueries.board(board, { limit: 1, around: "me" }),
    enabled: Boolean(myId) && list.isSuccess && !onThisPage,
  });
  const mine = around.data?.leaderboard.find((row) => row.user.id === myId);
  // Whether my latest bets are waiting for the next ranking run (the profile's standing).
  const standing = useQuery({
    ...profileQueries.user(myId ?? ""),
    enabled: Boolean(myId),
  }).data?.standing;
  const updatedAt = list.data?.updatedAt ?? null;

  const columns: Column<LeaderboardRow>[] = [
    { header: "Rank", numeric: true, cell: (row) => `#${formatNumber(row.rank)}` },
    {
      header: "User",
      primary: true,
      cell: (row) => (
        <Link to="/users/$userId" params={{ userId: row.user.id }} className={styles.marketLink}>
          {row.user.username}
          {row.user.id === myId ? " (you)" : ""}
        </Link>
      ),
    },
    {
      header: "Profit and loss",
      numeric: true,
      cell: (row) => (
        <span className={row.overallPnL >= 0 ? styles.plus : styles.minus}>
          {formatSigned(row.overallPnL)}
        </span>
      ),
    },
    { header: "Volume", numeric: true, cell: (row) => formatNumber(row.totalVolume) },
  ];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <PageHeader
        title="Leaderboard"
        description={
          <>
            {updatedAt ? (
              <>
                Last updated <time dateTime={updatedAt}>{formatDateTime(updatedAt)}</time>.{" "}
              </>
            ) : null}
            Updated every 15 minutes and after each settlement.
          </>
        }
      />
      {standing?.pending ? (
        <div style={{ marginBottom: "1rem" }} data-testid="ranking-pending">
          <Alert>
            Your latest bets count from the next update: you'll{" "}
            {mine || onThisPage ? "move" : "appear"} on the board then.
          </Alert>
        </div>
      ) : null}
      <div className={styles.tabs} role="tablist" aria-label="Leaderboard">
        {boards.map((tab) => (
          <Link
            key={tab.board}
            to="/leaderboard"
            search={{ board: tab.board }}
            role="tab"
            aria-selected={board === tab.board}
            className={styles.tab}
          >
            {tab.label}
          </Link>
        ))}
      </div>
      {mine ? (
        <div style={{ marginBottom: "1rem" }}>
          <Table
            caption="Your position"
            columns={columns}
            rows={[mine]}
            rowKey={(row) => row.user.id}
            isHighlighted={() => true}
          />
        </div>
      ) : myId && list.isSuccess && !onThisPage && around.isSuccess && !standing?.pending ? (
        <div style={{ marginBottom: "1rem" }}>
          <Alert>You're not ranked yet: place a bet to join the leaderboard.</Alert>
        </div>
      ) : null}
      <QueryBoundary
        queries={[list]}
        pending={
          <Card>
            <SkeletonBlock lines={6} label="Loading leaderboard" />
          </Card>
        }
      >
        {(ranking) =>
          ranking.leaderboard.length === 0 ? (
            <Card>
              <EmptyState title="Nobody is ranked yet">
                <p>Rankings appear once bets are placed.</p>
              </EmptyState>
            </Card>
          ) : (
            <Table
              caption={board === "pnl" ? "Users by profit and loss" : "Users by volume"}
              columns={columns}
              rows={ranking.leaderboard}
              rowKey={(row) => row.user.id}
              isHighlighted={(row) => row.user.id === myId}
            />
          )
        }
      </QueryBoundary>
      <Pager
        label="Leaderboard pages"
        summary={total ? `Page ${page} of ${pages} · ${formatNumber(total)} ranked` : undefined}
        onPrevious={
          page > 1
            ? () =>
                void navigate({
                  search: (prev: LeaderboardSearch) => ({ ...prev, page: page - 1 }),
                })
            : undefined
        }
        onNext={
          page < pages
            ? () =>
                void navigate({
                  search: (prev: LeaderboardSearch) => ({ ...prev, page: page + 1 }),
                })
            : undefined
        }
      />
    </>
  );
}
