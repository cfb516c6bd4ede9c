import { useState } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Alert, Card } from "../../components/ui";
import { formatCredits, formatPercent, formatSigned } from "../../lib/format";
import styles from "../markets/market.module.css";
import { type CashoutQuote, freshQuoteOf, useCashOut, useCashoutQuote } from "./mutations";
import type { Bet } from "./queries";

/**
 * Cash out a pending bet: ask for a quote, see what it pays, the fee and the
 * profit or loss it locks in, then confirm. An expired quote (or moved odds)
 * is replaced by the fresh one the server sends back, to confirm again.
 */
export function CashoutPanel({ bet }: { bet: Bet }) {
  const [quote, setQuote] = useState<CashoutQuote | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ask = useCashoutQuote(bet.id);
  const cashOut = useCashOut(bet.id, {
    onSuccess: (done) => {
      setQuote(null);
      setNotice(`Cashed out for ${formatCredits(done.credited)}.`);
    },
    onError: (error) => {
      const fresh = freshQuoteOf(error);
      if (fresh) {
        setQuote(fresh);
        setNotice("The quote expired or the odds moved: here is a new one.");
      }
    },
  });
  const error = ask.isError
    ? ask.error
    : cashOut.isError && !freshQuoteOf(cashOut.error)
      ? cashOut.error
      : null;

  // Once cashed out the panel stays only to confirm it (the bet page opened later shows none).
  if (bet.status !== "pending" && !notice) return null;
  return (
    <Card>
      <h2>Cash out</h2>
      {quote ? (
        <>
          <dl className={styles.stats} aria-label="Cash-out quote">
            <div>
              <dt>You receive</dt>
              <dd>{formatCredits(quote.amount)}</dd>
            </div>
            <div>
              <dt>Value at {formatPercent(quote.odds)}</dt>
              <dd>{formatCredits(quote.value)}</dd>
            </div>
            <div>
              <dt>Fee ({formatPercent(quote.fee)})</dt>
              <dd>{formatCredits(Math.round((quote.value - quote.amount) * 100) / 100)}</dd>
            </div>
            <div>
              <dt>Locks in</dt>
              <dd>{formatSigned(quote.pnl)}</dd>
            </div>
          </dl>
          <p>This quote holds until {new Date(quote.expiresAt).toLocaleTimeString()}.</p>
          <Button busy={cashOut.isPending} onClick={() => cashOut.mutate(quote.quoteId)}>
            Confirm cash-out for {formatCredits(quote.amount)}
          </Button>{" "}
          <Button variant="ghost" onClick={() => setQuote(null)} disabled={cashOut.isPending}>
            Keep the bet
          </Button>
        </>
      ) : bet.status === "pending" ? (
        <Button
          variant="secondary"
          busy={ask.isPending}
          onClick={() => {
            setNotice(null);
            ask.mutate(undefined, { onSuccess: setQuote });
          }}
        >
          Cash out
        </Button>
      ) : null}
      {notice ? (
        <Alert tone={cashOut.isSuccess ? "success" : "info"} live>
          {notice}
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
    </Card>
  );
}
