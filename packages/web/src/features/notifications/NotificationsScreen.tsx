import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queries } from "../../api/queries";
import { Button } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Card, EmptyState, PageHeader, Pager } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/useCursorPages";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "./notifications.module.css";
import { type Notification, notificationQueries, useMarkRead } from "./queries";

const pageSize = 20;

/** Where a notification leads: its bet, its prediction session, its market, or the credits it moved. */
function Links({ notice, onOpen }: { notice: Notification; onOpen: () => void }) {
  return (
    <span className={styles.meta}>
      {notice.betId ? (
        <Link to="/bets/$betId" params={{ betId: notice.betId }} onClick={onOpen}>
          View bet
        </Link>
      ) : null}
      {notice.sessionId && notice.marketId ? (
        <Link
          to="/predict/$marketId/$sessionId"
          params={{ marketId: notice.marketId, sessionId: notice.sessionId }}
          onClick={onOpen}
        >
          View prediction
        </Link>
      ) : null}
      {notice.marketId ? (
        <Link to="/markets/$marketId" params={{ marketId: notice.marketId }} onClick={onOpen}>
          View market
        </Link>
      ) : null}
      {notice.kind === "low_credits" || notice.kind === "credits_expiring" ? (
        <Link to="/profile" hash="daily-reward" onClick={onOpen}>
          Daily reward
        </Link>
      ) : null}
      {notice.kind === "transfer_in" || notice.kind === "purchase" ? (
        <Link to="/transactions" onClick={onOpen}>
          See transactions
        </Link>
      ) : null}
    </span>
  );
}

export function NotificationsScreen() {
  useDocumentTitle("Notifications");
  const pages = useCursorPages("");
  const pollMs = useQuery(queries.config()).data?.notificationPollMs;
  const list = useQuery(
    notificationQueries.list(
      { limit: pageSize, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
      pollMs,
    ),
  );
  const markRead = useMarkRead();
  const open = (notice: Notification) => () => {
    if (!notice.read) markRead.mutate({ ids: [notice.id] });
  };

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          list.data?.unread
            ? `${list.data.unread} unread`
            : "What happened to your bets and credits."
        }
        actions={
          list.data?.unread ? (
            <Button
              variant="secondary"
              size="small"
              onClick={() => markRead.mutate({ all: true })}
              disabled={markRead.isPending}
            >
              Mark all read
            </Button>
          ) : null
        }
      />
      <QueryBoundary
        queries={[list]}
        pending={
          <Card>
            <SkeletonBlock lines={5} label="Loading notifications" />
          </Card>
        }
      >
        {(page) => (
          <Card>
            {page.dailyRewardReady && !pages.cursor ? (
              <p className={styles.item} data-testid="daily-reward-ready">
                <span className={styles.title}>Your daily reward is ready</span>
                <Link to="/profile" hash="daily-reward">
                  Claim it
                </Link>
              </p>
            ) : null}
            {page.notifications.length === 0 ? (
              <EmptyState title="No notifications yet">
                <p>Bets settled, refunds and credit changes show up here.</p>
              </EmptyState>
            ) : (
              <ul className={styles.list} aria-label="Notifications, newest first">
                {page.notifications.map((notice) => (
                  <li
                    key={notice.id}
                    className={notice.read ? styles.item : `${styles.item} ${styles.unread}`}
                    data-kind={notice.kind}
                    data-read={notice.read}
                  >
                    <span className={styles.title}>
                      {notice.read ? null : <span className="visually-hidden">Unread: </span>}
                      {notice.title}
                    </span>
                    <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
                    <p className={styles.body}>{notice.body}</p>
                    <span className={styles.meta}>
                      <Links notice={notice} onOpen={open(notice)} />
                      {notice.read ? null : (
                        <Button
                          variant="ghost"
                          size="small"
                          onClick={open(notice)}
                          disabled={markRead.isPending}
                        >
                          Mark read
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </QueryBoundary>
      <Pager
        label="Notification pages"
        summary={list.data ? `Page ${pages.page}` : undefined}
        onPrevious={pages.previous}
        onNext={pages.next(list.data?.nextCursor)}
      />
    </>
  );
}
