import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useMe } from "../../app/sign-in-hooks";
import { Select } from "../../components/Field";
import styles from "../../components/list.module.css";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Card, EmptyState, PageHeader, Pager } from "../../components/ui";
import { formatCredits, formatDateTime, formatNumber, formatSigned } from "../../lib/format";
import { useCursorPages } from "../../lib/useCursorPages";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { CreditFlowsChart } from "../credits/CreditFlowsChart";
import { referenceKind, transactionLabels, transactionTypes } from "./ledger";
import { type Transaction, type TransactionType, transactionQueries } from "./queries";

const route = getRouteApi("/transactions");
const pageSize = 25;

/** What caused the entry, as a link to it where there is a page for it. */
function Reference({ entry }: { entry: Transaction }) {
  // An admin's grant or adjustment names no admin page (its referenceType may be null): its reason is the detail.
  if (entry.transactionType === "admin_grant" || entry.transactionType === "admin_adjustment") {
    return <span className={styles.muted}>{entry.reason || "By an admin"}</span>;
  }
  const type =
    entry.referenceType ??
    (referenceKind(entry.transactionType) === "bet"
      ? "bet"
      : referenceKind(entry.transactionType) === "session"
        ? "prediction_session"
        : null);
  const id = entry.referenceId;
  if (type === "bet" && id) {
    return (
      <Link to="/bets/$betId" params={{ betId: id }}>
        View bet
      </Link>
    );
  }
  if (type === "prediction_session" && id && entry.marketId) {
    return (
      <Link to="/predict/$marketId/$sessionId" params={{ marketId: entry.marketId, sessionId: id }}>
        View prediction
      </Link>
    );
  }
  if (type === "daily_reward") {
    return (
      <Link to="/profile" hash="daily-reward">
        Daily reward
      </Link>
    );
  }
  if (type === "account") {
    return <Link to="/profile">Your account</Link>;
  }
  if (type === "prediction_session") return <span className={styles.muted}>AI prediction</span>;
  return <span className={styles.muted}>–</span>;
}

const columns: Column<Transaction>[] = [
  {
    header: "Type",
    primary: true,
    cell: (entry) => (
      <span data-type={entry.transactionType}>{transactionLabels[entry.transactionType]}</span>
    ),
  },
  {
    header: "When",
    cell: (entry) => <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>,
  },
  {
    header: "Amount",
    numeric: true,
    cell: (entry) => (
      <span className={entry.amount >= 0 ? styles.plus : styles.minus}>
        {formatSigned(entry.amount)}
      </span>
    ),
  },
  { header: "Balance after", numeric: true, cell: (entry) => formatNumber(entry.balanceAfter) },
  { header: "Details", cell: (entry) => <Reference entry={entry} /> },
];

export function TransactionsScreen() {
  useDocumentTitle("Transactions");
  const { type } = route.useSearch();
  const navigate = useNavigate({ from: "/transactions" });
  const me = useMe().data;
  const pages = useCursorPages(type ?? "");
  const list = useQuery(
    transactionQueries.mine({
      limit: pageSize,
      ...(type ? { type } : {}),
      ...(pages.cursor ? { cursor: pages.cursor } : {}),
    }),
  );

  return (
    <>
      <PageHeader
        title="Transactions"
        description={
          me
            ? `Every credit in and out of your account. Balance: ${formatCredits(me.creditBalance)}.`
            : "Every credit in and out of your account."
        }
        actions={
          <div className={styles.filter}>
            <Select
              label="Type"
              value={type ?? ""}
              onChange={(event) =>
                void navigate({
                  search: {
                    type: (event.target.value || undefined) as TransactionType | undefined,
                  },
                })
              }
            >
              <option value="">All types</option>
              {transactionTypes.map((value) => (
                <option key={value} value={value}>
                  {transactionLabels[value]}
                </option>
              ))}
            </Select>
          </div>
        }
      />
      <div style={{ marginBottom: "1rem" }}>
        <CreditFlowsChart />
      </div>
      <QueryBoundary
        queries={[list]}
        pending={
          <Card>
            <SkeletonBlock lines={6} label="Loading transactions" />
          </Card>
        }
      >
        {(page) =>
          page.transactions.length === 0 ? (
            <Card>
              <EmptyState title={type ? "No transactions of this type" : "No transactions yet"} />
            </Card>
          ) : (
            <Table
              caption="Transactions, newest first"
              columns={columns}
              rows={page.transactions}
              rowKey={(entry) => entry.id}
            />
          )
        }
      </QueryBoundary>
      <Pager
        label="Transaction pages"
        summary={
          list.data
            ? `Page ${pages.page} · ${formatNumber(list.data.total)} entries in all`
            : undefined
        }
        onPrevious={pages.previous}
        onNext={pages.next(list.data?.nextCursor)}
      />
    </>
  );
}
