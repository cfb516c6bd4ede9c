import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSignIn } from "../../app/sign-in-hooks";
import { Button } from "../../components/Button";
import { Input, Select } from "../../components/Field";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton } from "../../components/Skeleton";
import { EmptyState, PageHeader, Pager } from "../../components/ui";
import { formatNumber } from "../../lib/format";
import { useCursorPages } from "../../lib/useCursorPages";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { Landing } from "./Landing";
import { MarketCard, marketCardStyles } from "./MarketCard";
import { MarketStatusSelect, marketStatuses } from "./MarketStatusSelect";
import styles from "./markets.module.css";
import { marketQueries } from "./queries";
import type { MarketsSearch } from "./routes";

const route = getRouteApi("/");
const pageSize = 12;
const searchDelayMs = 300;

const sortLabels = { trending: "Trending", liquidity: "Liquidity", expires_soon: "Ending soon" };

export function MarketsScreen() {
  useDocumentTitle("Markets");
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/" });
  const pages = useCursorPages(JSON.stringify(search));
  const cursor = pages.cursor;
  const status = search.status ?? "open";
  const sort = search.sort ?? "trending";

  // The text box answers at once; the URL (and the request) follow a moment
  // later. The URL changing by other means (back button, a link) resets the box.
  const [text, setText] = useState(search.q ?? "");
  const pushed = useRef(search.q);
  useEffect(() => {
    if (search.q === pushed.current) return;
    pushed.current = search.q;
    setText(search.q ?? "");
  }, [search.q]);
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = q;
      void navigate({ search: (prev: MarketsSearch) => ({ ...prev, q }), replace: true });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, navigate]);

  const list = useQuery(
    marketQueries.list({
      status,
      sort,
      limit: pageSize,
      ...(search.q ? { q: search.q } : {}),
      ...(search.category ? { category: search.category } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  // Categories present among the markets of this status, for the filter.
  const sample = useQuery(marketQueries.list({ status, sort: "trending", limit: 100 }));
  const categories = useMemo(() => {
    const found = new Set<string>();
    for (const market of sample.data?.markets ?? [])
      if (market.category) found.add(market.category.trim());
    if (search.category) found.add(search.category);
    return [...found].sort((a, b) => a.localeCompare(b));
  }, [sample.data, search.category]);

  const setFilter = (patch: Partial<MarketsSearch>) =>
    void navigate({ search: (prev: MarketsSearch) => ({ ...prev, ...patch }) });

  const markets = list.data?.markets ?? [];
  const page = pages.page;
  // A signed-out visitor on the plain home page first reads what this is.
  const signedOut = useSignIn().status !== "signedIn";
  const landing = signedOut && !search.q && !search.category && !search.status && !cursor;
  // On a phone the three selects fold behind one button that counts the ones in use.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = (search.category ? 1 : 0) + (search.status ? 1 : 0) + (search.sort ? 1 : 0);
  return (
    <>
      {landing ? (
        <>
          <Landing />
          <h2 className={styles.allTitle}>All markets</h2>
        </>
      ) : (
        <PageHeader
          title="Markets"
          description="Pick a side at today's odds. Winning bets pay amount ÷ odds."
        />
      )}
      <search className={styles.filters} aria-label="Filter markets">
        <Input
          className={styles.search}
          label="Search"
          type="search"
          name="q"
          placeholder="Search markets, e.g. election"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={200}
        />
        <Button
          variant="secondary"
          className={styles.filterToggle}
          aria-expanded={filtersOpen}
          aria-controls="market-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters{activeFilters ? ` (${activeFilters})` : ""}
        </Button>
        <div
          id="market-filters"
          className={`${styles.moreFilters} ${filtersOpen ? styles.open : ""}`}
        >
          <Select
            label="Category"
            value={search.category ?? ""}
            onChange={(event) => setFilter({ category: event.target.value || undefined })}
          >
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </Select>
          <MarketStatusSelect
            statuses={marketStatuses}
            value={status}
            onChange={(status) => setFilter({ status })}
          />
          <Select
            label="Sort by"
            value={sort}
            onChange={(event) =>
              setFilter({
                sort:
                  event.target.value === "trending"
                    ? undefined
                    : (event.target.value as MarketsSearch["sort"]),
              })
            }
          >
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </search>

      <div className={styles.results} aria-live="polite">
        {list.isPending ? (
          <span>Loading markets…</span>
        ) : list.isSuccess ? (
          <span>{resultsLine(page, markets.length && list.data.total, search.q)}</span>
        ) : null}
        {list.isFetching && !list.isPending ? <span>Updating…</span> : null}
      </div>

      <QueryBoundary
        queries={[list]}
        pending={
          <div className={marketCardStyles.grid}>
            {Array.from({ length: 6 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
              <div key={i} className={marketCardStyles.card} aria-hidden="true">
                <Skeleton width="40%" height="0.875rem" />
                <Skeleton height="1.25rem" />
                <Skeleton width="70%" height="1.25rem" />
                <Skeleton height="2.25rem" />
              </div>
            ))}
          </div>
        }
      >
        {({ markets }) =>
          markets.length === 0 ? (
            <EmptyState title="No markets match">
              <p>Try another search or category.</p>
              <Button variant="secondary" onClick={() => void navigate({ search: {} })}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <ul className={`${marketCardStyles.grid} ${marketCardStyles.list}`}>
              {markets.map((market) => (
                <li key={market.id} className={marketCardStyles.item}>
                  <MarketCard
                    market={market}
                    surface={search.q ? "search_result" : "market_list"}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </QueryBoundary>
      <Pager
        label="Market pages"
        summary={markets.length ? `Page ${page}` : undefined}
        onPrevious={pages.previous}
        onNext={pages.next(list.data?.nextCursor)}
      />
    </>
  );
}

/** "Page 2 · 25 markets in all", "Page 1 · 2 markets matching “x”": the list's total, not the page's count. */
function resultsLine(page: number, total: number, q: string | undefined): string {
  const matching = q ? ` matching “${q}”` : "";
  if (total === 0) return `No markets${matching}`;
  return `Page ${page} · ${formatNumber(total)} market${total === 1 ? "" : "s"}${matching || " in all"}`;
}
