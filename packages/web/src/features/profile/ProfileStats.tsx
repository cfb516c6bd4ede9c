import type { components } from "../../api/schema";
import { Card } from "../../components/ui";
import { formatNumber, formatSigned } from "../../lib/format";
import styles from "./profile.module.css";

type Profile = components["schemas"]["PublicProfile"];

/**
 * A rank, or why there is none yet (docs/product-rules.md, Leaderboards): no
 * bets, no rank; the PnL board waits for a settled bet; both boards are those of
 * the last ranking run, so a first bet is ranked at the next one.
 */
function rank(value: number | null, pending: string | null): string {
  if (value !== null) return `#${formatNumber(value)}`;
  return pending ?? "Unranked";
}

/** PnL, volume and both ranks: the part of a profile anyone may see. */
export function ProfileStats({ profile }: { profile: Profile }) {
  const pnl = profile.overallPnL;
  const hasBets = profile.totalVolume > 0;
  return (
    <>
      <Card>
        <dl className={styles.stat}>
          <dt>Profit and loss</dt>
          <dd className={pnl > 0 ? styles.plus : pnl < 0 ? styles.minus : ""}>
            {formatSigned(pnl)}
          </dd>
          <dd>
            <small>
              Rank by PnL: {rank(profile.rankByPnL, hasBets ? "once a bet settles" : null)}
            </small>
          </dd>
        </dl>
      </Card>
      <Card>
        <dl className={styles.stat}>
          <dt>Volume bet</dt>
          <dd>{formatNumber(profile.totalVolume)}</dd>
          <dd>
            <small>
              Rank by volume:{" "}
              {rank(profile.rankByVolume, hasBets ? "at the next board update" : null)}
            </small>
          </dd>
        </dl>
      </Card>
    </>
  );
}
