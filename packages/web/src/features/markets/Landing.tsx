import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queries } from "../../api/queries";
import { buttonClass } from "../../components/Button";
import { Skeleton } from "../../components/Skeleton";
import { formatCredits, formatPercent } from "../../lib/format";
import styles from "./landing.module.css";
import { type Market, marketQueries } from "./queries";

const exampleCount = 3;

/** The side the market currently favours, with its odds. */
function leader(market: Market) {
  const thisLeads = (market.thisOdds ?? 0.5) >= (market.thatOdds ?? 0.5);
  return thisLeads
    ? { option: market.thisOption, odds: market.thisOdds }
    : { option: market.thatOption, odds: market.thatOdds };
}

/**
 * What a signed-out visitor sees first: what the product is (free play credits,
 * questions mirrored from Polymarket, AI forecasts scored in public), a few live
 * markets from the API as examples, and one call to action.
 */
export function Landing() {
  const config = useQuery(queries.config()).data;
  const examples = useQuery(
    marketQueries.list({ status: "open", sort: "trending", limit: exampleCount }),
  );
  const bonus = config ? formatCredits(config.signupBonus) : null;
  return (
    <section className={styles.landing} aria-labelledby="landing-title" data-testid="landing">
      <div className={styles.pitch}>
        <h1 id="landing-title" className={styles.title}>
          Bet play money on real-world questions
        </h1>
        <ul className={styles.points}>
          <li>
            <strong>Free play credits.</strong> You start with {bonus ?? "free credits"} and get
            more every day. Credits are play money: never bought, never withdrawn.
          </li>
          <li>
            <strong>Real questions.</strong> Markets and their odds are mirrored from Polymarket;
            winning bets pay your amount ÷ the odds you got.
          </li>
          <li>
            <strong>AI forecasts, scored in public.</strong> Ask AI models for a forecast on any
            open market and see how often they beat the market.
          </li>
        </ul>
        <div className={styles.cta}>
          <Link to="/signup" className={buttonClass("primary")}>
            {bonus ? `Sign up free: get ${bonus}` : "Sign up free"}
          </Link>
          <Link to="/models" className={styles.secondaryLink}>
            See how the AI models score
          </Link>
        </div>
      </div>
      <div className={styles.examples}>
        <h2 className={styles.examplesTitle}>Live right now</h2>
        {examples.isPending ? (
          <Skeleton height="7rem" />
        ) : (
          <ul className={styles.exampleList}>
            {(examples.data?.markets ?? []).map((market) => {
              const lead = leader(market);
              return (
                <li key={market.id}>
                  <Link
                    to="/markets/$marketId"
                    params={{ marketId: market.id }}
                    className={styles.example}
                  >
                    <span className={styles.exampleTitle}>{market.title}</span>
                    <span className={styles.exampleOdds}>
                      {lead.option} {formatPercent(lead.odds)}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
