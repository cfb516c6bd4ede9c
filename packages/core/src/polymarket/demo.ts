// A plain JSON import: SST bundles with an esbuild that predates import attributes.
import demoMarkets from "./demo-markets.json";
import { type GammaClient, type ListMarketsQuery, paginate } from "./gamma-client";

/**
 * Thirty invented markets in the Gamma `/markets` shape (politics, economics, crypto,
 * sports, science, tech, pop culture), so `npm start` has markets without internet.
 * Open ones expire in 2027 or later; a few are closed (resolved Yes, resolved for the
 * second outcome, 50-50, still proposed); one has no prices yet and one is paused.
 * Their ids start at 990000101, far from real Gamma ids, so demo rows never collide
 * with mirrored ones.
 */
const markets: readonly unknown[] = demoMarkets;

function isClosed(item: unknown): boolean {
  return typeof item === "object" && item !== null && "closed" in item && item.closed === true;
}

function idOf(item: unknown): string {
  return typeof item === "object" && item !== null && "id" in item ? String(item.id) : "";
}

/** Copies, so a caller that edits a market cannot change the dataset for the next one. */
function listDemoMarkets({ limit, offset, closed, ids }: ListMarketsQuery): Promise<unknown[]> {
  const matching = markets.filter(
    (m) => (closed === undefined || isClosed(m) === closed) && (!ids || ids.includes(idOf(m))),
  );
  return Promise.resolve(structuredClone(matching.slice(offset, offset + limit)));
}

/** A Gamma client over the demo dataset: same interface, no network. */
export function createDemoGammaClient(): GammaClient {
  return {
    listMarkets: listDemoMarkets,
    pages: (options) => paginate(listDemoMarkets, options),
  };
}

/** The demo dataset cut into pages, as `/markets` would serve it. */
export function demoGammaPages(pageSize = 100): unknown[][] {
  const pages: unknown[][] = [];
  for (let offset = 0; offset < markets.length; offset += pageSize) {
    pages.push(structuredClone(markets.slice(offset, offset + pageSize)));
  }
  return pages;
}
