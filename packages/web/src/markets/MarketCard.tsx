import { Link } from "@tanstack/react-router";
import type { Market } from "../api/queries";
import { Badge } from "../components/ui";
import { formatDate, formatNumber, formatPercent, formatRelative } from "../lib/format";
import styles from "./MarketCard.module.css";

export { styles as marketCardStyles };

/** Both sides' share of the odds as one bar (decorative; the numbers are in text). */
export function OddsBar({ market }: { market: Pick<Market, "thisOdds" | "thatOdds"> }) {
  const thisShare = Math.round((market.thisOdds ?? 0.5) * 100);
  return (
    <div className={styles.bar} aria-hidden="true">
      <span className={styles.barThis} style={{ width: `${thisShare}%` }} />
      <span className={styles.barThat} style={{ width: `${100 - thisShare}%` }} />
    </div>
  );
}

export function MarketCard({ market }: { market: Market }) {
  return (
    <article className={styles.card}>
      <div className={styles.meta}>
        {market.category ? <Badge>{market.category}</Badge> : null}
        {market.status !== "open" ? <Badge tone={market.status}>{market.status}</Badge> : null}
        <span>
          {market.status === "open" ? "Ends " : "Ended "}
          <time dateTime={market.expiresAt ?? undefined} title={formatDate(market.expiresAt)}>
            {market.expiresAt
              ? `${formatDate(market.expiresAt)} (${formatRelative(market.expiresAt)})`
              : "no end date"}
          </time>
        </span>
      </div>
      <h2 className={styles.title}>
        <Link to="/markets/$marketId" params={{ marketId: market.id }}>
          {market.title}
        </Link>
      </h2>
      <OddsBar market={market} />
      <div className={styles.options}>
        <p className={`${styles.option} ${styles.this}`}>
          <span>{market.thisOption}</span>
          <span className={styles.pct}>{formatPercent(market.thisOdds)}</span>
        </p>
        <p className={`${styles.option} ${styles.that}`}>
          <span>{market.thatOption}</span>
          <span className={styles.pct}>{formatPercent(market.thatOdds)}</span>
        </p>
      </div>
      <div className={styles.foot}>
        <span>Liquidity {formatNumber(Math.round(market.liquidity))}</span>
        <span>24 h volume {formatNumber(Math.round(market.volume24h))}</span>
      </div>
    </article>
  );
}
