import { Link } from "@tanstack/react-router";
import { Badge } from "../../components/ui";
import { formatDate, formatPercent } from "../../lib/format";
import { OddsBar } from "../markets/MarketCard";
import type { Market } from "../markets/queries";
import styles from "./predict.module.css";

/** The market a prediction is about: title (a link to it), both options with the odds now. */
export function MarketSummary({ market }: { market: Market }) {
  return (
    <div className={styles.market}>
      <div className={styles.marketMeta}>
        {market.category ? <Badge>{market.category}</Badge> : null}
        <Badge tone={market.status}>{market.status}</Badge>
        <span>Ends {formatDate(market.expiresAt)}</span>
      </div>
      <h2 className={styles.marketTitle}>
        <Link to="/markets/$marketId" params={{ marketId: market.id }}>
          {market.title}
        </Link>
      </h2>
      <OddsBar market={market} />
      <dl className={styles.marketOdds}>
        <div className={styles.this}>
          <dt>{market.thisOption}</dt>
          <dd>{formatPercent(market.thisOdds)}</dd>
        </div>
        <div className={styles.that}>
          <dt>{market.thatOption}</dt>
          <dd>{formatPercent(market.thatOdds)}</dd>
        </div>
      </dl>
    </div>
  );
}
