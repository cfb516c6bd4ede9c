import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/Button";
import { Input, Select } from "../../components/Field";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Card, EmptyState } from "../../components/ui";
import { formatCredits } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "./admin.module.css";
import { type AdminUser, adminQueries } from "./queries";

const route = getRouteApi("/admin/users");

const columns: Column<AdminUser>[] = [
  {
    header: "User",
    primary: true,
    cell: (user) => (
      <Link to="/admin/users/$userId" params={{ userId: user.id }}>
        {user.username}
      </Link>
    ),
  },
  { header: "Email", cell: (user) => user.email },
  { header: "Balance", cell: (user) => formatCredits(user.creditBalance), numeric: true },
  { header: "Plan", cell: (user) => user.plan },
  { header: "Role", cell: (user) => user.role },
];

/** Find a user by the start of their email or username. */
export function AdminUsersScreen() {
  useDocumentTitle("Admin: users");
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/admin/users" });
  const by = search.by ?? "email";
  const [text, setText] = useState(search.q ?? "");
  const [field, setField] = useState(by);
  const found = useQuery({
    ...adminQueries.users({ [by]: search.q ?? "", limit: 20 }),
    enabled: Boolean(search.q),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate({ search: { by: field, q: text.trim() || undefined } });
  }

  return (
    <Card>
      <h2 className={styles.sectionTitle}>Find a user</h2>
      <search aria-label="Find a user">
        <form className={styles.formRow} onSubmit={submit}>
          <Select
            label="Search by"
            value={field}
            onChange={(event) => setField(event.target.value as "email" | "username")}
          >
            <option value="email">Email (starts with)</option>
            <option value="username">Username (starts with)</option>
          </Select>
          <Input
            label={field === "email" ? "Email" : "Username"}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={254}
          />
          <div className={styles.actions}>
            <Button type="submit">Find</Button>
          </div>
        </form>
      </search>
      <div style={{ marginTop: "1rem" }}>
        {!search.q ? (
          <p className={styles.muted}>Type the start of an email or a username.</p>
        ) : (
          <QueryBoundary queries={[found]} pending={<SkeletonBlock lines={3} label="Searching" />}>
            {({ users }) =>
              users.length === 0 ? (
                <EmptyState title="No user matches" />
              ) : (
                <Table caption="Users found" columns={columns} rows={users} rowKey={(u) => u.id} />
              )
            }
          </QueryBoundary>
        )}
      </div>
    </Card>
  );
}
