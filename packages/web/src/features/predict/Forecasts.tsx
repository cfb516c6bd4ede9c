import { Link } from "@tanstack/react-router";
import { buttonClass } from "../../components/Button";
import { formatPercent } from "../../lib/format";
import type { Market } from "../markets/queries";
import styles from "./predict.module.css";
import type { PredictionModel, PredictionSession } from "./queries";

/** `+4 pts`, `−2 pts`, `±0 pts`: a model's forecast against the market's odds. */
function pointsAgainst(probability: number, odds: number | null): string {
  if (odds === null) return "";
  const points = Math.round((probability - odds) * 100);
  return `${points > 0 ? "+" : points < 0 ? "−" : "±"}${Math.abs(points)} pts vs market`;
}

/** The first option's probability the market gave when the model was asked (else today's odds). */
function marketThen(forecast: PredictionSession["predictions"][number], market: Market) {
  return forecast.marketProbability ?? market.thisOdds;
}

/** Every model's full output next to the market's odds, and how far apart the models are. */
export function Forecasts({
  session,
  market,
  models,
}: {
  session: PredictionSession;
  market: Market;
  models: PredictionModel[] | undefined;
}) {
  const names = new Map(models?.map((model) => [model.id, model.name]));
  const probabilities = session.predictions.map((p) => p.probability);
  const spread =
    probabilities.length > 1
      ? Math.round((Math.max(...probabilities) - Math.min(...probabilities)) * 100)
      : null;
  // The side the models lean to on average, to bet at the market's odds now.
  const mean = probabilities.length
    ? probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length
    : null;
  const consensus = mean === null ? null : mean >= 0.5 ? "this" : "that";
  const consensusName = consensus === "that" ? market.thatOption : market.thisOption;
  const consensusOdds = consensus === "that" ? market.thatOdds : market.thisOdds;
  return (
    <section className={styles.forecasts} aria-labelledby="forecasts-title">
      <div className={styles.forecastsHead}>
        <h2 id="forecasts-title">Forecasts</h2>
        <p className={styles.muted} data-testid="spread">
          Market: {market.thisOption} {formatPercent(market.thisOdds)}
          {spread !== null
            ? ` · the models are ${spread} point${spread === 1 ? "" : "s"} apart`
            : ""}
        </p>
      </div>
      {consensus && market.bettable && consensusOdds ? (
        <p className={styles.consensus}>
          <span>
            The models lean to <strong>{consensusName}</strong> (
            {formatPercent(consensus === "this" ? mean : 1 - (mean ?? 0))} on average).
          </span>
          <Link
            to="/markets/$marketId"
            params={{ marketId: market.id }}
            search={{ side: consensus }}
            className={buttonClass("primary", "small")}
          >
            Bet {consensusName} at {formatPercent(consensusOdds)}
          </Link>
        </p>
      ) : null}
      <ul className={styles.forecastList}>
        {session.predictions.map((forecast) => (
          <li key={forecast.modelId} className={styles.forecast}>
            <article aria-label={`Forecast of ${names.get(forecast.modelId) ?? forecast.modelId}`}>
              <header className={styles.forecastHead}>
                <h3>{names.get(forecast.modelId) ?? forecast.modelId}</h3>
                <span className={styles.muted}>
                  {pointsAgainst(forecast.probability, marketThen(forecast, market))}
                </span>
              </header>
              <dl className={styles.forecastFigures}>
                <div>
                  <dt>{market.thisOption}</dt>
                  <dd>{formatPercent(forecast.probability)}</dd>
                </div>
                <div>
                  <dt>{market.thatOption}</dt>
                  <dd>{formatPercent(1 - forecast.probability)}</dd>
                </div>
                <div>
                  <dt>Confidence</dt>
                  <dd>{formatPercent(forecast.confidence)}</dd>
                </div>
              </dl>
              {marketThen(forecast, market) !== null ? (
                <p className={styles.marketThen} data-testid="market-then">
                  {forecast.marketProbability !== null
                    ? "When asked, the market gave "
                    : "The market gives "}
                  {market.thisOption} {formatPercent(marketThen(forecast, market))}.
                </p>
              ) : null}
              <p className={styles.reasoning}>{forecast.reasoning}</p>
              {forecast.keyFactors.length ? (
                <>
                  <h4 className={styles.factorsTitle}>Key factors</h4>
                  <ul className={styles.factors}>
                    {forecast.keyFactors.map((factor) => (
                      <li key={factor}>{factor}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {forecast.method ? (
                <details className={styles.method}>
                  <summary>How this model works</summary>
                  <p>{forecast.method}</p>
                </details>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
