// A plain JSON import: SST bundles with an esbuild that predates import attributes.

import demoMarkets from "../demo-markets.json";
import type { ClobClient, PricePoint, PricesHistoryQuery } from "./clob-client";

/** How far back the invented histories go: about five months. */
const demoHistoryDays = 150;
const dayMs = 24 * 60 * 60 * 1000;

/** Each demo token's price of now (its market's `outcomePrices`, by position). */
const priceOfToken: ReadonlyMap<string, number> = new Map(
  demoMarkets.flatMap((market) => {
    if (!market.clobTokenIds || !market.outcomePrices) return [];
    const tokens = JSON.parse(market.clobTokenIds) as string[];
    const prices = (JSON.parse(market.outcomePrices) as string[]).map(Number);
    return tokens.map((token, index) => [token, prices[index] ?? 0.5] as const);
  }),
);

/**
 * The CLOB's `prices-history` over the demo markets, with no network: each
 * token's history is INVENTED, a random walk seeded by its token id that ends
 * at the market's price of now, so the offline app charts months of moves.
 * Deterministic for a token, a fidelity and a time; not anybody's forecast.
 */
export function createDemoClobClient(options: { now?: () => number } = {}): ClobClient {
  const now = options.now ?? Date.now;
  return {
    pricesHistory: (query) => Promise.resolve(inventedHistory(query, now())),
  };
}

/** Points on the fidelity's grid from `demoHistoryDays` ago (or `startTs`) up to now (or `endTs`). */
export function inventedHistory(query: PricesHistoryQuery, nowMs: number): PricePoint[] {
  const target = priceOfToken.get(query.tokenId);
  if (target === undefined) return [];
  const stepMs = Math.max(1, query.fidelity ?? 60) * 60_000;
  const end = Math.floor((query.endTs ? query.endTs * 1000 : nowMs) / stepMs) * stepMs;
  const first = Math.ceil((nowMs - demoHistoryDays * dayMs) / stepMs) * stepMs;
  const from = query.startTs ? Math.max(first, query.startTs * 1000) : first;
  const count = Math.floor((end - first) / stepMs) + 1;
  if (count < 2) return [];

  // A Brownian bridge in log-odds: a seeded walk, tilted so it ends at the target.
  const random = seededRandom(query.tokenId);
  const goal = logit(Math.min(0.97, Math.max(0.03, target)));
  const start = goal + (random() - 0.5) * 2.4;
  const walk = [0];
  for (let i = 1; i < count; i++) walk.push((walk[i - 1] ?? 0) + gaussian(random) * 0.09);
  const drift = walk[count - 1] ?? 0;

  const points: PricePoint[] = [];
  for (let i = 0; i < count; i++) {
    const at = first + i * stepMs;
    if (at < from) continue;
    const share = i / (count - 1);
    const y = (walk[i] ?? 0) - share * drift + start * (1 - share) + goal * share;
    points.push({ at: new Date(at).toISOString(), price: Math.round(sigmoid(y) * 1000) / 1000 });
  }
  return points;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (y: number) => 1 / (1 + Math.exp(-y));

/** Mulberry32 seeded from the text's FNV-1a hash: the same token, the same walk. */
function seededRandom(text: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
