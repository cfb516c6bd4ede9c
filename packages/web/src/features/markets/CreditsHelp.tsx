import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queries } from "../../api/queries";
import { Dialog } from "../../components/Dialog";
import { formatCredits } from "../../lib/format";

/** How to get more credits: the explanation the 402 message and low-credit states open. */
export function CreditsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const config = useQuery(queries.config()).data;
  return (
    <Dialog open={open} onClose={onClose} title="How to get more credits">
      <p>Credits are play money: they can't be withdrawn. You get more by:</p>
      <ul style={{ margin: 0, paddingLeft: "1.25rem", display: "grid", gap: "0.375rem" }}>
        <li>
          <strong>Claiming the daily reward</strong>
          {config ? ` (${formatCredits(config.dailyReward)} once a day)` : ""} on{" "}
          <Link to="/profile" hash="daily-reward" onClick={onClose}>
            your profile
          </Link>
          .
        </li>
        <li>
          <strong>Buying a package</strong> on{" "}
          <Link to="/credits" onClick={onClose}>
            Get credits
          </Link>{" "}
          (where the server sells them), or as a <strong>gift</strong> from another player.
        </li>
        <li>
          <strong>Winning bets</strong>: a winning bet pays its amount divided by the odds you got.
        </li>
        <li>
          <strong>Refunds</strong>: a cancelled market or a failed AI prediction gives the credits
          back.
        </li>
      </ul>
    </Dialog>
  );
}
