import { Link, Outlet } from "@tanstack/react-router";
import { useMe } from "../../app/sign-in-hooks";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { EmptyState } from "../../components/ui";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "./admin.module.css";

const tabs = [
  { to: "/admin", label: "Markets", exact: true },
  { to: "/admin/users", label: "Users", exact: false },
  { to: "/admin/jobs", label: "Jobs", exact: false },
  { to: "/admin/analytics", label: "Analytics", exact: false },
] as const;

/**
 * The admin console's frame: its tabs and the page, for admins only. Anyone
 * else is told so (the API refuses them too: every /admin route is 403).
 */
export function AdminLayout() {
  const me = useMe();
  return (
    <QueryBoundary queries={[me]} pending={<SkeletonBlock lines={4} label="Loading" />}>
      {({ role }) => (role === "admin" ? <AdminConsole /> : <NotAllowed />)}
    </QueryBoundary>
  );
}

function AdminConsole() {
  return (
    <>
      <div className={styles.head}>
        <h1>Admin console</h1>
        <nav className={styles.tabs} aria-label="Admin sections">
          {tabs.map((tab) => (
            <Link
              key={tab.to}
              to={tab.to}
              className={styles.tab}
              activeOptions={{ exact: tab.exact, includeSearch: false }}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      </div>
      <Outlet />
    </>
  );
}

function NotAllowed() {
  useDocumentTitle("Not allowed");
  return (
    <EmptyState title="Not allowed">
      <p>This page is for admins only.</p>
      <Link to="/">Back to the markets</Link>
    </EmptyState>
  );
}
