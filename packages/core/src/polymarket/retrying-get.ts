import { setTimeout as delay } from "node:timers/promises";
import { PolymarketBadResponse, PolymarketUnavailable } from "./errors";
import { createRequestBudget } from "./request-budget";

const backoffBaseMs = 500;
const backoffCapMs = 10_000;
const bodyPreviewLength = 200;

/** How one Polymarket API is called: timeouts, retries and a request budget. */
export interface RetryingGetOptions {
  fetch?: typeof fetch;
  /** Per attempt, covering the body as well as the headers. */
  timeoutMs?: number;
  /** Retries after the first attempt, on 429, 5xx, network errors and timeouts. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; drives the request budget and `Retry-After` dates. */
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Requests that may start in any 10 s (each API publishes its own limit). */
  requestsPer10s: number;
  /** A `Retry-After` longer than this gives up now rather than hold the job (default 60 s). */
  maxRetryAfterMs?: number;
}

type Attempt<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      retryable: boolean;
      reason: string;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
    };

/**
 * GETs JSON from a Polymarket API and hands the body to `parse`, with timeouts,
 * retries (exponential backoff with jitter, `Retry-After` honoured) and a
 * client-side request budget under the API's limit. Throws `PolymarketUnavailable`
 * once retries are spent (or on a 4xx other than 429) and `PolymarketBadResponse`
 * when a 2xx body is not JSON (or `parse` says it is not what was asked for).
 */
export function createRetryingGet(options: RetryingGetOptions) {
  const {
    fetch: fetchImpl = globalThis.fetch,
    timeoutMs = 10_000,
    maxRetries = 4,
    sleep = (ms: number) => delay(ms),
    now = Date.now,
    random = Math.random,
    requestsPer10s,
    maxRetryAfterMs = 60_000,
  } = options;
  const budget = createRequestBudget({ limit: requestsPer10s, windowMs: 10_000, now, sleep });

  /** Equal jitter: at least half the step, so a struggling server always gets a pause. */
  function backoffMs(retry: number): number {
    const step = Math.min(backoffCapMs, backoffBaseMs * 2 ** retry);
    return step / 2 + random() * (step / 2);
  }

  async function attempt<T>(url: string, parse: (body: unknown) => T): Promise<Attempt<T>> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      return { ok: false, retryable: true, reason: failureReason(cause), cause };
    }
    const { status } = response;
    if (status === 429 || status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
      return {
        ok: false,
        retryable: true,
        reason: `HTTP ${status}`,
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    if (!response.ok) {
      // 4xx other than 429: our request or their API changed; retrying will not fix it.
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, retryable: false, reason: `HTTP ${status}`, status };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      return { ok: false, retryable: true, reason: failureReason(cause), status, cause };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PolymarketBadResponse("Polymarket returned a body that is not JSON", {
        url,
        status,
        bodyStart: text.slice(0, bodyPreviewLength),
      });
    }
    return { ok: true, value: parse(body) };
  }

  return async function getJson<T>(url: string, parse: (body: unknown) => T): Promise<T> {
    for (let retry = 0; ; retry++) {
      await budget.take();
      const result = await attempt(url, parse);
      if (result.ok) return result.value;

      const attempts = retry + 1;
      const details = {
        url,
        attempts,
        ...(result.status === undefined ? {} : { status: result.status }),
        ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
      };
      if (!result.retryable || retry >= maxRetries) {
        throw new PolymarketUnavailable(
          `Polymarket is unavailable (${result.reason} after ${attempts} attempt(s))`,
          details,
          result.cause,
        );
      }
      const waitMs = result.retryAfterMs ?? backoffMs(retry);
      if (waitMs > maxRetryAfterMs) {
        throw new PolymarketUnavailable(
          `Polymarket asked to wait ${Math.ceil(waitMs / 1000)} s (${result.reason})`,
          details,
          result.cause,
        );
      }
      await sleep(waitMs);
    }
  };
}

function failureReason(cause: unknown): string {
  if (cause instanceof Error && cause.name === "TimeoutError") return "timed out";
  return cause instanceof Error ? `network error: ${cause.message}` : "network error";
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
