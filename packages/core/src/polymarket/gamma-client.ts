import { setTimeout as delay } from "node:timers/promises";
import { PolymarketBadResponse, PolymarketUnavailable } from "./errors";
import { parseGammaPage } from "./gamma-schema";
import { createRequestBudget } from "./request-budget";

/** Polymarket publishes 300 requests per 10 s for Gamma `/markets`; keep a margin. */
const defaultRequestsPer10s = 250;
const backoffBaseMs = 500;
const backoffCapMs = 10_000;
const bodyPreviewLength = 200;

export interface ListMarketsQuery {
  limit: number;
  offset: number;
  /** `false`: open markets only; `true`: closed only; absent: both. */
  closed?: boolean;
  /** Only these Gamma ids (`id=1&id=2`), for re-checking markets we hold. */
  ids?: readonly string[];
}

export interface PagesOptions {
  pageSize?: number;
  closed?: boolean;
  /** Stops after this many pages even if they keep coming full (default 1000). */
  maxPages?: number;
}

/** Reads raw Gamma `/markets` pages; items are validated later, one by one. */
export interface GammaClient {
  listMarkets(query: ListMarketsQuery): Promise<unknown[]>;
  pages(options?: PagesOptions): AsyncGenerator<unknown[], void, undefined>;
}

export interface GammaClientOptions {
  /** e.g. `https://gamma-api.polymarket.com`, or a local fixture server. */
  baseUrl: string;
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
  requestsPer10s?: number;
  /** A `Retry-After` longer than this gives up now rather than hold the job (default 60 s). */
  maxRetryAfterMs?: number;
}

type Attempt =
  | { ok: true; items: unknown[] }
  | {
      ok: false;
      retryable: boolean;
      reason: string;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
    };

/**
 * A Gamma API client with timeouts, retries (exponential backoff with jitter,
 * `Retry-After` honoured) and a client-side request budget under Polymarket's limit.
 * Throws `PolymarketUnavailable` once retries are spent and `PolymarketBadResponse`
 * when a 2xx body is not a JSON array.
 */
export function createGammaClient(options: GammaClientOptions): GammaClient {
  const {
    fetch: fetchImpl = globalThis.fetch,
    timeoutMs = 10_000,
    maxRetries = 4,
    sleep = (ms: number) => delay(ms),
    now = Date.now,
    random = Math.random,
    requestsPer10s = defaultRequestsPer10s,
    maxRetryAfterMs = 60_000,
  } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const budget = createRequestBudget({ limit: requestsPer10s, windowMs: 10_000, now, sleep });

  /** Equal jitter: at least half the step, so a struggling server always gets a pause. */
  function backoffMs(retry: number): number {
    const step = Math.min(backoffCapMs, backoffBaseMs * 2 ** retry);
    return step / 2 + random() * (step / 2);
  }

  async function attempt(url: string): Promise<Attempt> {
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
    return { ok: true, items: parseGammaPage(body, url) };
  }

  async function getPage(url: string): Promise<unknown[]> {
    for (let retry = 0; ; retry++) {
      await budget.take();
      const result = await attempt(url);
      if (result.ok) return result.items;

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
  }

  async function listMarkets(query: ListMarketsQuery): Promise<unknown[]> {
    const params = new URLSearchParams({
      limit: String(query.limit),
      offset: String(query.offset),
    });
    if (query.closed !== undefined) params.set("closed", String(query.closed));
    for (const id of query.ids ?? []) params.append("id", id);
    return getPage(`${baseUrl}/markets?${params}`);
  }

  return { listMarkets, pages: (pageOptions) => paginate(listMarkets, pageOptions) };
}

/**
 * Pages through `/markets` by offset until a page comes back shorter than the page
 * size. Offsets shift when markets are added during the walk, so the same market can
 * appear on two pages: consumers upsert by id.
 */
export async function* paginate(
  listMarkets: (query: ListMarketsQuery) => Promise<unknown[]>,
  { pageSize = 100, closed, maxPages = 1000 }: PagesOptions = {},
): AsyncGenerator<unknown[], void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  }
  for (let page = 0; page < maxPages; page++) {
    const items = await listMarkets({
      limit: pageSize,
      offset: page * pageSize,
      ...(closed === undefined ? {} : { closed }),
    });
    if (items.length > 0) yield items;
    if (items.length < pageSize) return;
  }
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
