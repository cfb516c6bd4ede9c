import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { useToast } from "../../components/Toast";
import { Badge, Card, EmptyState } from "../../components/ui";
import { formatDate, formatPercent } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { adminMarketStatuses, MarketStatusSelect } from "../markets/MarketStatusSelect";
import { type Market, marketQueries } from "../markets/queries";
import styles from "./admin.module.css";
import { CreateMarketForm } from "./CreateMarketForm";
import { ResolveDialog } from "./ResolveDialog";
import type { AdminMarketsSearch } from "./routes";
import { SettlementCard } from "./SettlementCard";

const route = getRouteApi("/admin/");

/** Create markets, resolve them (with what that settles), and follow each settlement. */
export function AdminMarketsScreen() {
  useDocumentTitle("Admin: markets");
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/admin/" });
  const toast = useToast();
  const status = search.status ?? "open";
  const list = useQuery(
    marketQueries.list({
      status,
      sort: "expires_soon",
      limit: 20,
      ...(search.q ? { q: search.q } : {}),
    }),
  );
  const [resolving, setResolving] = useState<Market | null>(null);
  const [following, setFollowing] = useState<Market | null>(null);
  const [creating, setCreating] = useState(false);
  // The market just created heads the open list, wherever its sort would put it.
  const [created, setCreated] = useState<Market | null>(null);
  const [text, setText] = useState(search.q ?? "");

  const setFilter = (patch: Partial<AdminMarketsSearch>) =>
    void navigate({ search: (prev: AdminMarketsSearch) => ({ ...prev, ...patch }) });

  const columns: Column<Market>[] = [
    {
      header: "Market",
      primary: true,
      cell: (market) => (
        <Link to="/markets/$marketId" params={{ marketId: market.id }}>
          {market.title}
        </Link>
      ),
    },
    { header: "Status", cell: (market) => <Badge tone={market.status}>{market.status}</Badge> },
    {
      header: "Odds",
      cell: (market) =>
        `${market.thisOption} ${formatPercent(market.thisOdds)} · ${market.thatOption} ${formatPercent(market.thatOdds)}`,
    },
    { header: "Ends", cell: (market) => formatDate(market.expiresAt) },
    {
      header: "Action",
      cell: (market) =>
        market.status === "resolved" ? (
          <Button
            variant="secondary"
            size="small"
            aria-label={`Settlement of ${market.title}`}
            onClick={() => setFollowing(market)}
          >
            Settlement
          </Button>
        ) : market.status === "open" || market.status === "closed" ? (
          <Button
            variant="secondary"
            size="small"
            aria-label={`Resolve ${market.title}`}
            onClick={() => setResolving(market)}
          >
            Resolve…
          </Button>
        ) : null,
    },
  ];

  return (
    <div className={styles.sections}>
      {following ? <SettlementCard key={following.id} market={following} /> : null}
      {creating ? (
        <Card>
          <h2 className={styles.sectionTitle}>Create a market</h2>
          <CreateMarketForm
            onCancel={() => setCreating(false)}
            onCreated={(market) => {
              toast(`Market created: ${market.title}`, "success");
              setCreating(false);
              setCreated(market);
              setText("");
              setFilter({ q: undefined, status: undefined });
            }}
          />
        </Card>
      ) : null}
      <Card>
        <div className={styles.actions} style={{ justifyContent: "space-between" }}>
          <h2 className={styles.sectionTitle}>Markets</h2>
          {creating ? null : (
            <Button size="small" onClick={() => setCreating(true)}>
              New market
            </Button>
          )}
        </div>
        <search aria-label="Find markets">
          <form
            className={styles.formRow}
            onSubmit={(event) => {
              event.preventDefault();
              setFilter({ q: text.trim() || undefined });
            }}
          >
            <Input
              label="Search"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onBlur={() => setFilter({ q: text.trim() || undefined })}
              maxLength={200}
            />
            <MarketStatusSelect
              statuses={adminMarketStatuses}
              value={status}
              onChange={(status) => setFilter({ status })}
            />
          </form>
        </search>
        <div style={{ marginTop: "1rem" }}>
          <QueryBoundary
            queries={[list]}
            pending={<SkeletonBlock lines={4} label="Loading markets" />}
          >
            {(page) =>
              page.markets.length === 0 && !created ? (
                <EmptyState title="No markets match" />
              ) : (
                <Table
                  caption="Markets"
                  columns={columns}
                  rows={
                    created && status === "open" && !search.q
                      ? [created, ...page.markets.filter((market) => market.id !== created.id)]
                      : page.markets
                  }
                  rowKey={(market) => market.id}
                />
              )
            }
          </QueryBoundary>
        </div>
      </Card>
      <ResolveDialog
        market={resolving}
        onClose={() => setResolving(null)}
        onResolved={() => {
          setFollowing(resolving);
          setResolving(null);
          // It is resolved now: the list follows it there.
          setFilter({ status: "resolved" });
          toast("Resolved: the settlement is running.", "success");
        }}
      />
    </div>
  );
}
