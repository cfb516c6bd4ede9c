import type { components } from "../api/schema";
import { Card } from "../components/ui";
import { formatNumber, formatSigned } from "../lib/format";
import styles from "./profile.module.css";

type Profile = components["schemas"]["PublicProfile"];

function rank(value: number | null): string {
  return value === null ? "Unranked" : `#${formatNumber(value)}`;
}

/** PnL, volume and both ranks: the part of a profile anyone may see. */
export function ProfileStats({ profile }: { profile: Profile }) {
  const pnl = profile.overallPnL;
  return (
    <>
      <Card>
        <dl className={styles.stat}>
          <dt>Profit and loss</dt>
          <dd className={pnl > 0 ? styles.plus : pnl < 0 ? styles.minus : ""}>
            {formatSigned(pnl)}
          </dd>
          <dd>
            <small>Rank by PnL: {rank(profile.rankByPnL)}</small>
          </dd>
        </dl>
      </Card>
      <Card>
        <dl className={styles.stat}>
          <dt>Volume bet</dt>
          <dd>{formatNumber(profile.totalVolume)}</dd>
          <dd>
            <small>Rank by volume: {rank(profile.rankByVolume)}</small>
          </dd>
        </dl>
      </Card>
    </>
  );
}
