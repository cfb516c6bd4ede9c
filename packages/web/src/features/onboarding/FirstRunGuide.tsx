import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { queries } from "../../api/queries";
import { useSignIn } from "../../app/sign-in-hooks";
import { Button } from "../../components/Button";
import { formatCredits } from "../../lib/format";
import { endFirstRun, firstRunPending } from "./firstRun";
import styles from "./onboarding.module.css";

/**
 * Three first steps for a new account (pick a market, place a first bet, ask
 * the AI), shown after sign-up until dismissed; it does not come back.
 */
export function FirstRunGuide() {
  const signIn = useSignIn();
  const userId = signIn.status === "signedIn" ? signIn.userId : null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const config = useQuery(queries.config()).data;
  if (!userId || dismissed === userId || !firstRunPending(userId)) return null;

  const dismiss = () => {
    endFirstRun(userId);
    setDismissed(userId);
  };
  return (
    <section className={styles.guide} aria-labelledby="first-run-title" data-testid="first-run">
      <div className={styles.head}>
        <h2 id="first-run-title" className={styles.title}>
          Welcome!{" "}
          {config ? `You started with ${formatCredits(config.signupBonus)} of play money.` : ""}
        </h2>
        <Button variant="ghost" size="small" onClick={dismiss}>
          Got it, hide this
        </Button>
      </div>
      <ol className={styles.steps}>
        <li>
          <strong>Pick a market.</strong> Browse the <Link to="/">markets</Link> (real questions
          mirrored from Polymarket) and open one that interests you.
        </li>
        <li>
          <strong>Place a first bet.</strong> Choose a side and an amount; a win pays your amount ÷
          the odds. Credits are play money only.
        </li>
        <li>
          <strong>Ask the AI.</strong> Press <em>Predict</em> on a market for the models' forecasts,
          and see on <Link to="/models">Models</Link> whether they beat the market.
        </li>
      </ol>
    </section>
  );
}
