import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Input, Select } from "../../components/Field";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { useToast } from "../../components/Toast";
import { Alert, Card, EmptyState, Pager } from "../../components/ui";
import { formatCredits, formatDateTime, formatNumber, formatSigned } from "../../lib/format";
import { useCursorPages } from "../../lib/useCursorPages";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { transactionLabels } from "../transactions/ledger";
import type { Transaction } from "../transactions/queries";
import styles from "./admin.module.css";
import { useChangeUser } from "./mutations";
import { type AdminUser, type AuditEvent, adminQueries } from "./queries";
import { UserCreditsForm } from "./UserCreditsForm";

const route = getRouteApi("/admin/users/$userId");

/** One user: profile, credits (grant/adjust), plan, ledger and audit trail. */
export function AdminUserScreen() {
  const { userId } = route.useParams();
  const user = useQuery(adminQueries.user(userId));
  useDocumentTitle(user.data ? `Admin: ${user.data.username}` : "Admin: user");

  return (
    <QueryBoundary
      queries={[user]}
      pending={<SkeletonBlock lines={5} label="Loading the user" />}
      notFound={
        <EmptyState title="User not found">
          <Link to="/admin/users">Find another user</Link>
        </EmptyState>
      }
    >
      {(u) => <UserSections u={u} />}
    </QueryBoundary>
  );
}

function UserSections({ u }: { u: AdminUser }) {
  return (
    <div className={styles.sections}>
      <nav aria-label="Breadcrumb">
        <Link to="/admin/users">← Users</Link>
      </nav>
      <Card>
        <h2 className={styles.sectionTitle}>{u.username}</h2>
        <Facts user={u} />
      </Card>
      <div className={styles.columns}>
        <Card>
          <h2 className={styles.sectionTitle}>Credits</h2>
          <UserCreditsForm userId={u.id} />
        </Card>
        <Card>
          <h2 className={styles.sectionTitle}>Plan</h2>
          <PlanForm user={u} />
        </Card>
      </div>
      <Card>
        <h2 className={styles.sectionTitle}>Audit trail</h2>
        <AuditTrail userId={u.id} />
      </Card>
      <Card>
        <h2 className={styles.sectionTitle}>Ledger</h2>
        <Ledger userId={u.id} />
      </Card>
    </div>
  );
}

function Facts({ user }: { user: AdminUser }) {
  const facts: [string, string][] = [
    ["Email", `${user.email}${user.emailVerified ? " (verified)" : " (not verified)"}`],
    ["Balance", formatCredits(user.creditBalance)],
    ["Earned in all", formatCredits(user.totalCreditsEarned)],
    ["Spent in all", formatCredits(user.totalCreditsSpent)],
    ["Plan", user.plan],
    ["Role", user.role],
    ["Ledger entries", formatNumber(user.ledgerEntries)],
    ["Member since", formatDateTime(user.createdAt)],
  ];
  return (
    <dl className={styles.facts} data-testid="user-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PlanForm({ user }: { user: AdminUser }) {
  const toast = useToast();
  const [plan, setPlan] = useState(user.plan);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const change = useChangeUser(user.id, {
    onSuccess: (updated) => {
      setReason("");
      setTried(false);
      toast(`${updated.username} is on the ${updated.plan} plan now.`, "success");
    },
  });
  const unchanged = plan === user.plan;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (unchanged || !reason.trim() || change.isPending) return;
    change.mutate({ plan, reason: reason.trim() });
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Set the plan">
      <Select
        label="Plan"
        value={plan}
        onChange={(e) => setPlan(e.target.value as AdminUser["plan"])}
        hint="Unlimited: AI predictions cost nothing."
      >
        <option value="free">Free</option>
        <option value="unlimited">Unlimited</option>
      </Select>
      <Input
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        error={tried && !reason.trim() ? "Say why (it goes into the audit trail)." : undefined}
      />
      {change.isError ? <Alert tone="error">{describeError(change.error)}</Alert> : null}
      <div className={styles.actions}>
        <Button type="submit" busy={change.isPending} aria-disabled={unchanged || undefined}>
          Set plan
        </Button>
        {unchanged ? <span className={styles.muted}>Pick another plan to change it.</span> : null}
      </div>
    </form>
  );
}

const auditLabels: Record<AuditEvent["type"], string> = {
  admin_grant: "Credit grant",
  admin_adjustment: "Balance adjustment",
  plan_change: "Plan change",
  role_change: "Role change",
  market_create: "Market created",
  market_resolve: "Market resolved",
  market_settle: "Settlement restarted",
  job_run: "Job run",
};

const auditColumns: Column<AuditEvent>[] = [
  { header: "When", cell: (e) => formatDateTime(e.createdAt), primary: true },
  { header: "What", cell: (e) => auditLabels[e.type] },
  {
    header: "Change",
    cell: (e) =>
      e.amount !== null
        ? `${formatSigned(e.amount)} (${formatNumber(e.balanceBefore ?? 0)} → ${formatNumber(e.balanceAfter ?? 0)})`
        : `${e.from ?? "–"} → ${e.to ?? "–"}`,
  },
  { header: "Reason", cell: (e) => e.reason },
  { header: "By", cell: (e) => e.adminId },
];

function AuditTrail({ userId }: { userId: string }) {
  const audit = useQuery(adminQueries.audit(userId));
  return (
    <QueryBoundary
      queries={[audit]}
      pending={<SkeletonBlock lines={2} label="Loading the audit trail" />}
    >
      {({ events }) =>
        events.length === 0 ? (
          <p className={styles.muted}>No admin action on this user yet.</p>
        ) : (
          <Table caption="Audit trail" columns={auditColumns} rows={events} rowKey={(e) => e.id} />
        )
      }
    </QueryBoundary>
  );
}

const ledgerColumns: Column<Transaction>[] = [
  { header: "When", cell: (t) => formatDateTime(t.createdAt), primary: true },
  { header: "Type", cell: (t) => transactionLabels[t.transactionType] },
  { header: "Amount", cell: (t) => formatSigned(t.amount), numeric: true },
  { header: "Balance after", cell: (t) => formatNumber(t.balanceAfter), numeric: true },
  { header: "Reason", cell: (t) => t.reason },
];

function Ledger({ userId }: { userId: string }) {
  const pages = useCursorPages(userId);
  const ledger = useQuery(
    adminQueries.ledger(userId, { limit: 20, ...(pages.cursor ? { cursor: pages.cursor } : {}) }),
  );
  return (
    <QueryBoundary
      queries={[ledger]}
      pending={<SkeletonBlock lines={3} label="Loading the ledger" />}
    >
      {(data) => (
        <>
          <Table
            caption="Ledger"
            columns={ledgerColumns}
            rows={data.transactions}
            rowKey={(t) => t.id}
          />
          <Pager
            label="Ledger pages"
            summary={`Page ${pages.page} · ${formatNumber(data.total)} entries`}
            onPrevious={pages.previous}
            onNext={pages.next(data.nextCursor)}
          />
        </>
      )}
    </QueryBoundary>
  );
}
