import { ApiError } from "../../api/errors";
import { formatCredits, formatPercent } from "../../lib/format";
import { validationSentences } from "../../lib/sentence";

export interface BetErrorMessage {
  text: string;
  /** Offer the "how to get more credits" explanation. */
  moreCredits?: boolean;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A clear message for each error the bet endpoint can answer. */
export function betErrorMessage(
  error: unknown,
  market?: { thisOption: string; thatOption: string },
): BetErrorMessage {
  if (!(error instanceof ApiError)) {
    return {
      text: "Can't reach the server, so we don't know whether the bet went through. Check My bets; pressing Place bet again is safe (it can't place it twice).",
    };
  }
  const d = error.details;
  switch (error.code) {
    case "INSUFFICIENT_BALANCE": {
      const balance = num(d.balance);
      const required = num(d.required);
      const missing =
        balance !== undefined && required !== undefined
          ? Math.round((required - balance) * 100) / 100
          : undefined;
      return {
        text:
          missing !== undefined
            ? `You're ${formatCredits(missing)} short: this bet needs ${formatCredits(required ?? 0)} and you have ${formatCredits(balance ?? 0)}. Bet less, or get more credits.`
            : "Your balance is too low for this bet. Bet less, or get more credits.",
        moreCredits: true,
      };
    }
    case "INVALID_BET_AMOUNT": {
      const min = num(d.min);
      const max = num(d.max);
      return {
        text:
          min !== undefined && max !== undefined
            ? `Bets must be between ${formatCredits(min)} and ${formatCredits(max)}, with at most two decimals.`
            : "That amount can't be bet. Use a number with at most two decimals.",
      };
    }
    case "VALIDATION_ERROR":
      return {
        text:
          validationSentences(error.fields) ?? "Pick a side and enter an amount, then try again.",
      };
    case "ODDS_CHANGED": {
      const odds = num(d.odds);
      const option = d.side === "that" ? market?.thatOption : market?.thisOption;
      return {
        text:
          odds !== undefined
            ? `The odds moved: ${option ?? "your side"} is now ${formatPercent(odds)}${num(d.expectedOdds) !== undefined ? ` (it was ${formatPercent(num(d.expectedOdds))})` : ""}. Nothing was placed; check the new payout and place the bet again.`
            : "The odds moved, so nothing was placed. Check the new payout and place the bet again.",
      };
    }
    case "MARKET_CLOSED":
      return { text: "This market has stopped taking bets, so nothing was placed." };
    case "MARKET_NOT_FOUND":
      return { text: "This market no longer exists, so nothing was placed." };
    case "RATE_LIMIT_EXCEEDED":
      return {
        text: `You're placing bets very quickly. Try again in ${error.retryAfterSeconds ?? 60} seconds.`,
      };
    case "IDEMPOTENCY_KEY_REUSED":
      return {
        text: "This form was already used for a different bet. Check My bets, then place the bet again.",
      };
    case "LEDGER_BUSY":
      return { text: "Your balance was busy with another update. Nothing was placed; try again." };
    case "UNAUTHORIZED":
      return { text: "You were signed out. Log in again to place the bet." };
    case "BET_NOT_FOUND":
      return { text: "We couldn't confirm the bet. Check My bets before trying again." };
    default:
      return {
        text:
          error.status >= 500
            ? "The server had a problem and nothing was placed. Please try again."
            : error.message,
      };
  }
}
