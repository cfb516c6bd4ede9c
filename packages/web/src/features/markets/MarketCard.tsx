import { Link } from "@tanstack/react-router";
import { MoreMenu } from "../../components/MoreMenu";
import { Badge } from "../../components/ui";
import { formatDate, formatNumber, formatPercent, formatRelative } from "../../lib/format";
import { GeneratePredictionButton } from "../predict/GeneratePredictionButton";
import styles from "./MarketCard.module.css";
import type { Market } from "./queries";

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

/**
 * A market in a list. Its Predict action is a list item's (visible on hover or
 * focus with a mouse, always on touch screens) or, for a search result, folds
 * into a "…" menu on small screens; its box is always there, so nothing moves.
 */
export function MarketCard({
  market,
  surface = "market_list",
}: {
  market: Market;
  surface?: "market_list" | "search_result";
}) {
  const predictLabel = `Predict: ${market.title}`;
  const resolved = market.status === "resolved";
  return (
    <article className={`${styles.card} ${surface === "search_result" ? styles.result : ""}`}>
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
      {resolved ? (
        <p className={styles.winner} data-testid="winner">
          {market.winningOption
            ? `Resolved: ${market.winningOption} won`
            : "Resolved as invalid: bets refunded"}
        </p>
      ) : null}
      <OddsBar market={market} />
      <div className={styles.options}>
        {(["this", "that"] as const).map((side) => {
          const name = side === "this" ? market.thisOption : market.thatOption;
          const odds = side === "this" ? market.thisOdds : market.thatOdds;
          const won = resolved && market.winningOption === name;
          return (
            <Link
              key={side}
              to="/markets/$marketId"
              params={{ marketId: market.id }}
              search={{ side }}
              className={`${styles.option} ${styles[side]} ${won ? styles.won : ""}`}
            >
              <span>
                {won ? "✓ " : ""}
                {name}
              </span>
              <span className={styles.pct}>{formatPercent(odds)}</span>
              {/* The visible words lead the link's name (what a voice user says), then its purpose. */}
              <span className="visually-hidden">
                {won ? " (the winner)" : ""}
                {market.bettable ? `: bet ${name} on ${market.title}` : `: ${market.title}`}
              </span>
            </Link>
          );
        })}
      </div>
      <div className={styles.foot}>
        <span className={styles.figures}>
          <span>Liquidity {formatNumber(Math.round(market.liquidity))}</span>
          <span>24 h volume {formatNumber(Math.round(market.volume24h))}</span>
        </span>
        {market.status === "open" ? (
          <span className={styles.actions}>
            <GeneratePredictionButton
              marketId={market.id}
              surface={surface}
              label="Predict"
              variant="secondary"
              size="small"
              ariaLabel={predictLabel}
              className={styles.predict}
            />
            {surface === "search_result" ? (
              <MoreMenu label={`More actions for ${market.title}`} className={styles.more}>
                <GeneratePredictionButton
                  marketId={market.id}
                  surface={surface}
                  label="Predict"
                  variant="ghost"
                  size="small"
                  ariaLabel={predictLabel}
                />
              </MoreMenu>
            ) : null}
          </span>
        ) : null}
      </div>
    </article>
  );
}
