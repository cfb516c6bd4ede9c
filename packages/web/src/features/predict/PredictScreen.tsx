import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useRef, useState } from "react";
import { queries } from "../../api/queries";
import { useMe } from "../../app/sign-in-hooks";
import { Button } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Alert, Card, EmptyState, PageHeader } from "../../components/ui";
import { formatCredits, formatDateTime, formatDuration } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { CreditsHelp } from "../markets/CreditsHelp";
import { type Market, marketQueries } from "../markets/queries";
import { MarketSummary } from "./MarketSummary";
import { ModelChecklist } from "./ModelChecklist";
import { useStartPrediction } from "./mutations";
import styles from "./predict.module.css";
import { type PredictionModel, predictionQueries } from "./queries";
import { startErrorMessage } from "./startErrors";

const route = getRouteApi("/predict/$marketId");

/** `?models=a,b` → the listed models that exist and can be picked, in list order. */
function preselected(models: PredictionModel[], listed: string | undefined, max: number): string[] {
  const wanted = new Set((listed ?? "").split(",").map((id) => id.trim()));
  return models
    .filter((model) => model.available && wanted.has(model.id))
    .map((model) => model.id)
    .slice(0, max);
}

interface Quota {
  perHour: { limit: number; remaining: number; resetAt: string };
  perDay: { limit: number; remaining: number; resetAt: string };
}

/** The session limit that is used up, said with when it resets; null while one is left. */
function quotaProblem(quota: Quota | undefined, now: number): string | null {
  if (!quota) return null;
  const spent = quota.perHour.remaining <= 0 ? quota.perHour : quota.perDay;
  if (spent.remaining > 0) return null;
  const span = spent === quota.perHour ? "this hour" : "today";
  return `You've used all ${spent.limit} predictions ${span}. It resets at ${formatDateTime(spent.resetAt)} (in ${formatDuration(Date.parse(spent.resetAt) - now)}).`;
}

function closedProblem(market: Market): string | null {
  const expired = market.expiresAt !== null && Date.parse(market.expiresAt) <= Date.now();
  if (market.status !== "open" || expired)
    return "This market is closed, so it can't be predicted.";
  return null;
}

/** The generator: the market, the models with their cost, the total, and Generate. */
export function PredictScreen() {
  const { marketId } = route.useParams();
  const search = route.useSearch();
  const market = useQuery(marketQueries.one(marketId));
  const models = useQuery(predictionQueries.models());
  const config = useQuery(queries.config());
  useDocumentTitle(market.data ? `Predict: ${market.data.title}` : "Predict with AI");

  return (
    <QueryBoundary
      queries={[market, models, config]}
      pending={<SkeletonBlock lines={6} label="Loading the generator" />}
      notFound={
        <EmptyState title="Market not found">
          <Link to="/">Browse markets</Link>
        </EmptyState>
      }
    >
      {(market, models, config) => (
        <Generator
          market={market}
          models={models}
          listed={search.models}
          max={config.maxModelsPerSession}
        />
      )}
    </QueryBoundary>
  );
}

function Generator({
  market,
  models,
  listed,
  max,
}: {
  market: Market;
  models: PredictionModel[];
  listed: string | undefined;
  /** The most models one session may ask (`/config`). */
  max: number;
}) {
  const me = useMe().data;
  const quota = useQuery(predictionQueries.quota()).data;
  const navigate = useNavigate();
  const reasonId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const [picked, setPicked] = useState(() => preselected(models, listed, max));
  const inFlight = useRef(false);

  const start = useStartPrediction(market.id, {
    onSuccess: async (result) => {
      await navigate({
        to: "/predict/$marketId/$sessionId",
        params: { marketId: market.id, sessionId: result.sessionId },
      });
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const byId = new Map(models.map((model) => [model.id, model]));
  const cost = picked.reduce((sum, id) => sum + (byId.get(id)?.creditCost ?? 0), 0);
  const free = me?.plan === "unlimited";
  const charged = free ? 0 : cost;
  const balance = me?.creditBalance;
  const short = balance !== undefined && charged > balance;
  const reason =
    closedProblem(market) ??
    (picked.length === 0 ? "Pick at least one model." : null) ??
    (short
      ? `Need ${formatCredits(charged)}: you have ${formatCredits(balance ?? 0)}. Pick fewer models, or get more credits.`
      : null) ??
    quotaProblem(quota, Date.now());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason || inFlight.current) return;
    inFlight.current = true;
    start.mutate(picked);
  }

  return (
    <>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link to="/markets/$marketId" params={{ marketId: market.id }}>
          ← Back to the market
        </Link>
      </nav>
      <PageHeader
        title="Predict with AI"
        description="Ask AI models for their forecast on this market. Each model costs credits; if the prediction fails, you get them back."
      />
      <div className={styles.layout}>
        <div className={styles.results}>
          <Card>
            <MarketSummary market={market} />
          </Card>
          <Card>
            <h2 className={styles.sectionTitle}>How it works</h2>
            <ul className={styles.howList}>
              <li>
                Each model you pick forecasts the chance of “{market.thisOption}”, with its reasons.
              </li>
              <li>
                The results page shows each model as it runs, then every forecast next to the odds.
              </li>
              <li>If the prediction fails, every credit it cost comes back at once.</li>
              <li>
                See how each model has done on resolved markets:{" "}
                <Link to="/models">Model scores</Link>.
              </li>
            </ul>
          </Card>
        </div>
        <Card>
          <form
            className={styles.form}
            onSubmit={submit}
            noValidate
            aria-label="Generate a prediction"
          >
            <ModelChecklist
              models={models}
              picked={picked}
              max={max}
              free={free}
              onChange={setPicked}
            />
            <dl className="figures">
              <div>
                <dt>Total cost</dt>
                <dd data-testid="total-cost">{free ? "Free on your plan" : formatCredits(cost)}</dd>
              </div>
              <div>
                <dt>Your balance</dt>
                <dd>{balance !== undefined ? formatCredits(balance) : "…"}</dd>
              </div>
              {quota ? (
                <div>
                  <dt>Left this hour</dt>
                  <dd>
                    {Math.min(quota.perHour.remaining, quota.perDay.remaining)} of{" "}
                    {quota.perHour.limit}
                  </dd>
                </div>
              ) : null}
            </dl>
            {start.isError ? (
              <Alert tone="error">
                <p>{startErrorMessage(start.error)}</p>
              </Alert>
            ) : null}
            <Button
              type="submit"
              block
              busy={start.isPending || start.isSuccess}
              aria-disabled={reason ? true : undefined}
              aria-describedby={reason ? reasonId : undefined}
            >
              {picked.length && !free ? `Generate · ${formatCredits(cost)}` : "Generate"}
            </Button>
            {reason ? (
              <p id={reasonId} className={styles.reason}>
                {reason}
                {short ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className={styles.linkButton}
                      onClick={() => setHelpOpen(true)}
                    >
                      How to get more credits
                    </button>
                  </>
                ) : null}
              </p>
            ) : null}
          </form>
          <CreditsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Card>
      </div>
    </>
  );
}
