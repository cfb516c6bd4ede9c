import { ApiError } from "../api/errors";

/** The API's `details.fields` (`body.email`) keyed by form field (`email`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    out[path.replace(/^body\./, "")] = message;
  }
  return out;
}

export { fieldSentence, validationSentences } from "./sentence";
