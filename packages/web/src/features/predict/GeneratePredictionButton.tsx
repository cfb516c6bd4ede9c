import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { queries } from "../../api/queries";
import { useMe, useSignIn } from "../../app/sign-in-hooks";
import { buttonClass } from "../../components/Button";
import { formatNumber } from "../../lib/format";
import { CreditsHelp } from "../markets/CreditsHelp";
import styles from "./GeneratePredictionButton.module.css";
import { type PredictSurface, trackPredictClick } from "./track";

export interface GeneratePredictionButtonProps {
  marketId: string;
  surface: PredictSurface;
  label?: string;
  /** Models to preselect on the generator ("Predict again"). */
  models?: string[] | undefined;
  variant?: "primary" | "secondary" | "ghost";
  size?: "normal" | "small";
  /** Accessible name when the visible label alone is ambiguous (one per list item). */
  ariaLabel?: string | undefined;
  className?: string | undefined;
}

/**
 * The one way into Predict with AI, on every surface. Signed out it leads to
 * sign-in and back (the generator's route guard); with fewer credits than a
 * model costs it stays in place, disabled, says "Need 1+ credit" and opens how
 * to get more. Its box is the same in every state, so nothing moves when the
 * state changes. Every click is recorded with its surface.
 */
export function GeneratePredictionButton({
  marketId,
  surface,
  label = "Predict with AI",
  models,
  variant = "primary",
  size = "normal",
  ariaLabel,
  className,
}: GeneratePredictionButtonProps) {
  const signIn = useSignIn();
  const me = useMe().data;
  const config = useQuery(queries.config()).data;
  const tipId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  // Until the settings are here the button leads on: the generator says why if it can't.
  const cost = config?.modelCreditCost;
  const short =
    signIn.status === "signedIn" &&
    me &&
    cost !== undefined &&
    me.plan !== "unlimited" &&
    me.creditBalance < cost;
  const classes = `${buttonClass(variant, size)} ${className ?? ""}`;

  if (short) {
    return (
      <span className={styles.wrap}>
        <button
          type="button"
          className={classes}
          aria-disabled="true"
          aria-label={ariaLabel}
          aria-describedby={tipId}
          onClick={() => {
            trackPredictClick(surface, marketId);
            setHelpOpen(true);
          }}
        >
          {label}
        </button>
        <span id={tipId} role="tooltip" className={styles.tip}>
          Need {formatNumber(cost)}+ credit
        </span>
        <CreditsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      </span>
    );
  }
  return (
    <Link
      to="/predict/$marketId"
      params={{ marketId }}
      search={models?.length ? { models: models.join(",") } : {}}
      className={classes}
      aria-label={ariaLabel}
      onClick={() => trackPredictClick(surface, marketId)}
    >
      {label}
    </Link>
  );
}
