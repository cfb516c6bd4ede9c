import { z } from "zod";
import { PolymarketBadResponse } from "../errors";
import { createRetryingGet, type RetryingGetOptions } from "../retrying-get";

/**
 * Polymarket publishes 1,000 requests per 10 s for the CLOB's price endpoints;
 * the sync asks once per new market, so a small share of that is plenty.
 */
const defaultRequestsPer10s = 100;

/** One point of a token's price history: when (ISO 8601) and the price, 0 to 1. */
export interface PricePoint {
  at: string;
  price: number;
}

/** `interval` is how far back from now; `startTs`/`endTs` (Unix seconds) instead name the span. */
export type PricesHistoryQuery = {
  /** The outcome's CLOB token id (Gamma's `clobTokenIds`, same order as `outcomes`). */
  tokenId: string;
  /** Resolution in minutes. */
  fidelity?: number;
} & (
  | { interval: "1m" | "1h" | "6h" | "1d" | "1w" | "max"; startTs?: never; endTs?: never }
  | { startTs: number; endTs?: number; interval?: never }
);

/** Reads one outcome's price history from the CLOB API (`GET /prices-history`). */
export interface ClobClient {
  pricesHistory(query: PricesHistoryQuery): Promise<PricePoint[]>;
}

export interface ClobClientOptions extends Partial<RetryingGetOptions> {
  /** e.g. `https://clob.polymarket.com`, or a local fixture server. */
  baseUrl: string;
}

const historySchema = z.object({
  history: z.array(z.object({ t: z.number().int().nonnegative(), p: z.number().min(0).max(1) })),
});

/**
 * A CLOB client with the Gamma client's timeouts, retries and request budget
 * (`retrying-get.ts`). Points come back oldest first; a body that is not
 * `{ history: [{ t, p }] }` is `PolymarketBadResponse`.
 */
export function createClobClient(options: ClobClientOptions): ClobClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const getJson = createRetryingGet({ requestsPer10s: defaultRequestsPer10s, ...options });

  return {
    async pricesHistory(query) {
      const params = new URLSearchParams({ market: query.tokenId });
      if (query.interval !== undefined) params.set("interval", query.interval);
      if (query.startTs !== undefined) params.set("startTs", String(query.startTs));
      if (query.endTs !== undefined) params.set("endTs", String(query.endTs));
      if (query.fidelity !== undefined) params.set("fidelity", String(query.fidelity));
      const url = `${baseUrl}/prices-history?${params}`;
      return getJson(url, (body) => parsePricesHistory(body, url));
    },
  };
}

/** Validates a `/prices-history` body and returns its points oldest first. */
export function parsePricesHistory(body: unknown, url?: string): PricePoint[] {
  const parsed = historySchema.safeParse(body);
  if (!parsed.success) {
    throw new PolymarketBadResponse("Polymarket returned something other than a price history", {
      ...(url === undefined ? {} : { url }),
      bodyStart: JSON.stringify(body)?.slice(0, 200) ?? String(body),
    });
  }
  return parsed.data.history
    .map((point) => ({ at: new Date(point.t * 1000).toISOString(), price: point.p }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
