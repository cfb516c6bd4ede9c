import { payoutFor, profitIfWon } from "@market/core/bets/payout";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../../api/errors";
import { queries } from "../../api/queries";
import { useMe, useSignIn } from "../../app/sign-in-hooks";
import { Button, buttonClass } from "../../components/Button";
import { Input } from "../../components/Field";
import { Alert } from "../../components/ui";
import { formatCredits, formatNumber, formatPercent } from "../../lib/format";
import { type BetAttempt, usePlaceBet } from "../bets/mutations";
import styles from "./BetForm.module.css";
import { keepBetDraft, readBetDraft } from "./betDraft";
import { betErrorMessage } from "./betErrors";
import { CreditsHelp } from "./CreditsHelp";
import type { Market } from "./queries";

type Side = BetAttempt["side"];
/** Shortcuts for the amount; only those inside the bet limits of `/config` are offered. */
const quickAmounts = [10, 50, 100, 500];

/** Why the amount can't be bet right now, or null when it can. */
function amountProblem(
  raw: string,
  amount: number,
  limits: { minBet: number; maxBet: number } | undefined,
  balance: number | undefined,
): string | null {
  if (raw.trim() === "") return "Enter an amount to bet.";
  if (!Number.isFinite(amount) || amount <= 0) return "Enter a positive number.";
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) return "Use at most two decimals.";
  if (limits && amount < limits.minBet)
    return `The smallest bet is ${formatCredits(limits.minBet)}.`;
  if (limits && amount > limits.maxBet)
    return `The largest bet is ${formatCredits(limits.maxBet)}.`;
  if (balance !== undefined && amount > balance) {
    return `That's more than your balance of ${formatCredits(balance)}.`;
  }
  return null;
}

/**
 * The bet form: side, amount, payout and profit before placing (the API's own
 * rounding), reasons when it can't be placed, and one Idempotency-Key per
 * submitted bet so a double click or a retry after a network error places it once.
 */
export function BetForm({
  market,
  initialSide,
  initialAmount,
}: {
  market: Market;
  initialSide?: Side | undefined;
  initialAmount?: string | undefined;
}) {
  const signIn = useSignIn();
  const me = useMe().data;
  const config = useQuery(queries.config()).data;
  const location = useLocation();
  const reasonId = useId();
  // A link's side and amount first, else what this tab was writing (betDraft.ts).
  const [draft] = useState(() => readBetDraft(market.id));
  const [side, setSide] = useState<Side>(initialSide ?? draft.side ?? "this");
  // A link that names a side (a card's chip, a forecast's "Bet …") selects it.
  useEffect(() => {
    if (initialSide) setSide(initialSide);
  }, [initialSide]);
  const [raw, setRaw] = useState(initialAmount ?? draft.amount ?? "");
  useEffect(() => keepBetDraft(market.id, { side, amount: raw }), [market.id, side, raw]);
  const [helpOpen, setHelpOpen] = useState(false);
  const attempt = useRef<BetAttempt | null>(null);
  const inFlight = useRef(false);

  const place = usePlaceBet(market.id, {
    onSuccess: () => {
      attempt.current = null;
      setRaw("");
    },
    onError: (error) => {
      // Unknown outcome (no answer): a retry keeps the key. Moved odds: nothing was
      // placed, and the next press is a new decision at the new price.
      if (
        error instanceof ApiError &&
        (error.code === "IDEMPOTENCY_KEY_REUSED" || error.code === "ODDS_CHANGED")
      )
        attempt.current = null;
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const odds = side === "this" ? market.thisOdds : market.thatOdds;
  const amount = Number(raw);
  const problem = amountProblem(raw, amount, config, me?.creditBalance);
  const payout = !problem && odds ? payoutFor(amount, odds) : null;
  const profit = !problem && odds ? profitIfWon(amount, odds) : null;
  const closedReason = !market.bettable
    ? market.status === "resolved"
      ? "This market is resolved."
      : market.status === "cancelled"
        ? "This market was cancelled."
        : "This market isn't taking bets right now."
    : !odds
      ? "This market has no odds yet."
      : null;
  const reason = closedReason ?? problem;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason || inFlight.current) return;
    // The same bet submitted again (double click, retry after a network error)
    // keeps its key; a different bet gets a new one.
    const previous = attempt.current;
    const same = previous && previous.side === side && previous.amount === amount;
    // The odds shown with the bet: if they moved meanwhile, the API refuses it (ODDS_CHANGED).
    const shown = odds ?? undefined;
    const bet = same
      ? { ...previous, expectedOdds: shown }
      : { key: crypto.randomUUID(), side, amount, expectedOdds: shown };
    attempt.current = bet;
    inFlight.current = true;
    place.mutate(bet);
  }

  if (signIn.status !== "signedIn") {
    // Signing in comes back to this form with the side and amount chosen so far.
    const back = `${location.pathname}?${new URLSearchParams({
      side,
      ...(raw.trim() ? { amount: raw.trim() } : {}),
    })}`;
    return (
      <div className={styles.form}>
        <p>
          Log in or create an account to bet.
          {config ? ` New accounts start with ${formatCredits(config.signupBonus)}.` : ""}
        </p>
        <Link to="/signup" search={{ redirect: back }} className={buttonClass()}>
          Sign up to bet
        </Link>
        <Link to="/login" search={{ redirect: back }} className={buttonClass("secondary")}>
          Log in
        </Link>
      </div>
    );
  }

  const error = place.isError ? betErrorMessage(place.error, market) : null;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Place a bet">
      <fieldset className={styles.sides}>
        <legend>Your side</legend>
        {(["this", "that"] as const).map((option) => (
          <label key={option} className={`${styles.side} ${styles[option]}`}>
            <input
              type="radio"
              name="side"
              value={option}
              checked={side === option}
              onChange={() => setSide(option)}
            />
            <span className={styles.sideName}>
              {option === "this" ? market.thisOption : market.thatOption}
            </span>
            <span className={styles.sideOdds}>
              {formatPercent(option === "this" ? market.thisOdds : market.thatOdds)}
            </span>
          </label>
        ))}
      </fieldset>

      <div>
        <Input
          label="Amount (credits)"
          name="amount"
          type="number"
          inputMode="decimal"
          min={config?.minBet}
          max={config?.maxBet}
          step="0.01"
          value={raw}
          onChange={(event) => setRaw(event.target.value)}
          hint={
            config
              ? `Min ${formatCredits(config.minBet)}, max ${formatCredits(config.maxBet)}. You have ${me ? formatCredits(me.creditBalance) : "…"}.`
              : undefined
          }
        />
        <div className={styles.chips} style={{ marginTop: "0.5rem" }}>
          {quickAmounts
            .filter((value) => !config || (value >= config.minBet && value <= config.maxBet))
            .map((value) => (
              <button
                key={value}
                type="button"
                className={styles.chip}
                onClick={() => setRaw(String(value))}
                aria-label={`Bet ${value} credits`}
              >
                {value}
              </button>
            ))}
        </div>
      </div>

      <dl className="figures" aria-live="polite">
        <div>
          <dt>Odds</dt>
          <dd>{formatPercent(odds)}</dd>
        </div>
        <div>
          <dt>Payout if it wins</dt>
          <dd data-testid="payout">{payout !== null ? formatCredits(payout) : "–"}</dd>
        </div>
        <div>
          <dt>Profit</dt>
          <dd className={styles.profit} data-testid="profit">
            {profit !== null ? `+${formatNumber(profit)}` : "–"}
          </dd>
        </div>
      </dl>

      {error ? (
        <Alert tone="error">
          <p>{error.text}</p>
          {error.moreCredits ? (
            <p style={{ marginTop: "0.375rem" }}>
              <button type="button" className={styles.linkButton} onClick={() => setHelpOpen(true)}>
                How to get more credits
              </button>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {place.isSuccess && !error ? (
        <Alert tone="success" live>
          Bet placed: {formatCredits(place.data.bet.amount)} on{" "}
          {place.data.bet.side === "this" ? market.thisOption : market.thatOption}. Pays{" "}
          {formatCredits(place.data.bet.potentialPayout)} if it wins.{" "}
          <Link to="/bets">See my bets</Link>
        </Alert>
      ) : null}

      <Button
        type="submit"
        block
        busy={place.isPending}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        disabled={Boolean(closedReason)}
      >
        {payout !== null ? `Place bet · ${formatCredits(amount)}` : "Place bet"}
      </Button>
      {reason ? (
        <p id={reasonId} className={styles.reason}>
          {reason}
        </p>
      ) : null}
      <CreditsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </form>
  );
}
