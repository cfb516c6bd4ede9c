import { ApiError } from "../../api/errors";
import { formatCredits, formatDuration } from "../../lib/format";
import { validationSentences } from "../../lib/sentence";

/** What went wrong starting a session, for each code the start endpoint can answer. */
export function startErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return "Can't reach the server, so we don't know whether it started. Check Recent predictions on your profile before trying again.";
  }
  const d = error.details;
  switch (error.code) {
    case "INSUFFICIENT_BALANCE": {
      const balance = Number(d.balance);
      const required = Number(d.required);
      return Number.isFinite(balance) && Number.isFinite(required)
        ? `You need ${formatCredits(required)} and have ${formatCredits(balance)}. Pick fewer models, or get more credits.`
        : "Your balance is too low for these models. Pick fewer, or get more credits.";
    }
    case "RATE_LIMIT_EXCEEDED":
      return error.retryAfterSeconds
        ? `You've reached the limit of predictions for now. Try again in ${formatDuration(error.retryAfterSeconds * 1000)}.`
        : "You've reached the limit of predictions for now. Please try again later.";
    case "MARKET_CLOSED":
      return "This market isn't open any more, so it can't be predicted.";
    case "MARKET_NOT_FOUND":
      return "This market doesn't exist any more.";
    case "INVALID_MODEL_SELECTION":
      return `Those models can't be used together right now: ${error.message}`;
    case "WORKFLOW_START_FAILED":
      return "The prediction couldn't start. Your credits were refunded; please try again in a moment.";
    default:
      return error.status >= 500
        ? "The server had a problem. Your credits are safe: a failed start is refunded."
        : (validationSentences(error.fields) ?? error.message);
  }
}
