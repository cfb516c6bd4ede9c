import { useQuery } from "@tanstack/react-query";
import type { components } from "../../api/schema";
import { Card } from "../../components/ui";
import { formatDate, formatDateTime, formatNumber, formatSigned } from "../../lib/format";
import styles from "./profile.module.css";
import { profileQueries } from "./queries";

type Profile = components["schemas"]["PublicProfile"];
type Standing = components["schemas"]["BoardStanding"];

/**
 * A rank, or why there is none yet (docs/product-rules.md, Leaderboards): no
 * bets, no rank; the PnL board waits for a settled bet; both boards are those of
 * the last ranking run, so a first bet is ranked at the next one.
 */
function rank(value: number | null | undefined, pending: string | null): string {
  if (value !== null && value !== undefined) return `#${formatNumber(value)}`;
  return pending ?? "Unranked";
}

/**
 * PnL, volume and both ranks, the part of a profile anyone may see. The figures
 * are the leaderboards' own rows (`standing`, as of the last ranking run), so a
 * profile and the boards read the same; a user not on a board yet shows the
 * account's own figures.
 */
export function ProfileStats({ profile }: { profile: Profile }) {
  const standing: Standing | undefined = useQuery(profileQueries.user(profile.id)).data?.standing;
  const pnl = standing?.pnl?.overallPnL ?? profile.overallPnL;
  const volume = standing?.volume?.totalVolume ?? profile.totalVolume;
  const hasBets = profile.totalVolume > 0;
  const asOf = standing?.updatedAt ? (
    <>
      {" "}
      · board of <time dateTime={standing.updatedAt}>{formatDateTime(standing.updatedAt)}</time>
    </>
  ) : null;
  return (
    <>
      <Card>
        <dl className={styles.stat}>
          <dt>Profit and loss</dt>
          <dd className={pnl > 0 ? styles.plus : pnl < 0 ? styles.minus : ""} data-testid="pnl">
            {formatSigned(pnl)}
          </dd>
          <dd>
            <small>
              Rank by PnL:{" "}
              <span data-testid="pnl-rank">
                {rank(
                  standing ? standing.pnl?.rank : profile.rankByPnL,
                  hasBets ? "once a bet settles" : null,
                )}
              </span>
              {standing?.pnl ? asOf : null}
            </small>
          </dd>
        </dl>
      </Card>
      <Card>
        <dl className={styles.stat}>
          <dt>Volume bet</dt>
          <dd data-testid="volume">{formatNumber(volume)}</dd>
          <dd>
            <small>
              Rank by volume:{" "}
              <span data-testid="volume-rank">
                {rank(
                  standing ? standing.volume?.rank : profile.rankByVolume,
                  hasBets ? "at the next board update" : null,
                )}
              </span>
              {standing?.volume ? asOf : null}
            </small>
          </dd>
        </dl>
      </Card>
      <Card>
        <dl className={styles.stat}>
          <dt>Record</dt>
          <dd data-testid="record">
            {profile.record.won} won · {profile.record.lost} lost
          </dd>
          <dd>
            <small>
              {profile.record.open} open
              {profile.record.cancelled ? ` · ${profile.record.cancelled} refunded` : ""} · joined{" "}
              <time dateTime={profile.joinedAt}>{formatDate(profile.joinedAt)}</time>
            </small>
          </dd>
        </dl>
      </Card>
      {standing?.pending ? (
        <p className={styles.pending} data-testid="standing-pending">
          The latest bets count on the boards from their next update (every 15 minutes and after
          each settlement).
        </p>
      ) : null}
    </>
  );
}
