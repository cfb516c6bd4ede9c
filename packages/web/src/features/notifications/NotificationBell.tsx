import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queries } from "../../api/queries";
import styles from "./notifications.module.css";
import { notificationQueries } from "./queries";

/** The header's bell: the unread count, re-read every NOTIFICATION_POLL_SECONDS in a visible tab. */
export function NotificationBell() {
  const pollMs = useQuery(queries.config()).data?.notificationPollMs;
  const unread = useQuery(notificationQueries.list({ limit: 1 }, pollMs ?? 30_000)).data?.unread;
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link to="/notifications" className={styles.bell} aria-label={label} data-testid="bell">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread ? (
        <span className={styles.count} data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
