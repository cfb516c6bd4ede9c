import { parseGammaPage } from "./gamma-schema";
import { createRetryingGet, type RetryingGetOptions } from "./retrying-get";

/** Polymarket publishes 300 requests per 10 s for Gamma `/markets`; keep a margin. */
const defaultRequestsPer10s = 250;

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

export interface GammaClientOptions extends Partial<RetryingGetOptions> {
  /** e.g. `https://gamma-api.polymarket.com`, or a local fixture server. */
  baseUrl: string;
}

/**
 * A Gamma API client with timeouts, retries (exponential backoff with jitter,
 * `Retry-After` honoured) and a client-side request budget under Polymarket's limit.
 * Throws `PolymarketUnavailable` once retries are spent and `PolymarketBadResponse`
 * when a 2xx body is not a JSON array.
 */
export function createGammaClient(options: GammaClientOptions): GammaClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const getJson = createRetryingGet({ requestsPer10s: defaultRequestsPer10s, ...options });
  const getPage = (url: string) => getJson(url, (body) => parseGammaPage(body, url));

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
