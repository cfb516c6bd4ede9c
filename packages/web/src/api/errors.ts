import { validationSentences } from "../lib/sentence";
import type { components } from "./schema";

export type ErrorBody = components["schemas"]["Error"];

/** A non-2xx answer of the API, with its stable `code` and `details`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** The whole error body, for the few answers with fields of their own. */
  readonly body: Record<string, unknown>;
  /** Seconds from `Retry-After`, when the API sent it (rate limits). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: Partial<ErrorBody> | undefined, retryAfter?: string | null) {
    super(body?.error ?? `Request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.code ?? "HTTP_ERROR";
    this.body = (body as Record<string, unknown> | undefined) ?? {};
    this.details = (body?.details as Record<string, unknown> | undefined) ?? {};
    const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
    this.retryAfterSeconds = Number.isFinite(seconds) ? seconds : undefined;
  }

  /** `details.fields` of a validation error: `{ "body.email": "Invalid email" }`. */
  get fields(): Record<string, string> {
    const fields = this.details.fields;
    return fields && typeof fields === "object" ? (fields as Record<string, string>) : {};
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of an openapi-fetch call, or an `ApiError` thrown for its error
 * answer, so TanStack Query sees failures as failures.
 */
export function unwrap<T>(result: FetchResult<T>): T {
  const { data, error, response } = result;
  if (error !== undefined || !response.ok) {
    throw new ApiError(
      response.status,
      (error ?? undefined) as Partial<ErrorBody> | undefined,
      response.headers.get("retry-after"),
    );
  }
  return data as T;
}

/** A message for an error of any kind (network, API, bug), fit to show a person. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return "The server had a problem. Please try again in a moment.";
    return validationSentences(error.fields) ?? error.message;
  }
  if (error instanceof TypeError) return "Can't reach the server. Check your connection.";
  return "Something went wrong. Please try again.";
}
