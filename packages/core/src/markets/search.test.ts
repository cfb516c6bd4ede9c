import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext } from "../test-support";
import { reindexMarketSearch } from "./reindex-search";
import { queryTokens, searchMarkets, searchTokens, tokenize } from "./search";

let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

const open = { status: "open", sort: "trending" } as const;
const found = async (q: string) =>
  (await searchMarkets(ctx, q, open, {})).items.map((market) => market.marketId);

describe("searchTokens", () => {
  it("indexes each word, its other names and the prefixes of both", () => {
    const tokens = searchTokens("Will Bitcoin close above $100k in June?");

    expect(tokens).toEqual(expect.arrayContaining(["bitcoin", "btc", "bit", "bitc", "bitcoi"]));
    expect(tokens).toEqual(expect.arrayContaining(["june", "jun", "close", "clo", "100k"]));
    // Two letters match too much; stop words are not indexed at all.
    expect(tokens).not.toContain("bi");
    expect(tokens).not.toContain("will");
  });

  it("reads U.S. as a word", () => {
    expect(tokenize("Will the U.S. ban TikTok?")).toEqual(["us", "ban", "tiktok"]);
    expect(searchTokens("Will the U.S. ban TikTok?")).toEqual(
      expect.arrayContaining(["us", "usa", "america"]),
    );
  });

  it("looks a long word up by the prefix every word it begins is indexed under", () => {
    expect(queryTokens("Decentralization BTC")).toEqual(["decentraliza", "btc"]);
    expect(searchTokens("Decentralization")).toContain("decentraliza");
  });
});

describe("searchMarkets", () => {
  it("finds markets by word prefixes and common tickers, every word of the query", async () => {
    const bitcoin = await anOpenMarket(ctx, { title: "Will Bitcoin hit a zorblax high in June?" });
    const ether = await anOpenMarket(ctx, { title: "Will ETH flip zorblax by July?" });

    expect(await found("btc")).toEqual([bitcoin]);
    expect(await found("bitc")).toEqual([bitcoin]);
    expect(await found("ethereum")).toEqual([ether]);
    expect(await found("zorb")).toEqual(expect.arrayContaining([bitcoin, ether]));
    expect(await found("btc jun")).toEqual([bitcoin]);
    expect(await found("btc july")).toEqual([]);
    expect(await found("zorblaxes")).toEqual([]);
  });

  it("drops the prefixes of a word no longer in a renamed title", async () => {
    const marketId = await anOpenMarket(ctx, { title: "Will Quibbleton win the cup?" });
    expect(await found("quib")).toEqual([marketId]);

    await anOpenMarket(ctx, { title: "Will Frobisham win the cup?" }, marketId);

    expect(await found("quib")).toEqual([]);
    expect(await found("frob")).toEqual([marketId]);
  });
});

describe("reindexMarketSearch (npm run migrate:search-tokens)", () => {
  it("gives markets indexed by whole words only their prefixes and other names, once", async () => {
    const marketId = await anOpenMarket(ctx, { title: "Will Dogecoin outpace Wumpaloo stock?" });
    // As the index was before: whole words only.
    const entity = serviceFor(ctx.db).entities.marketSearchToken;
    const whole = new Set(tokenize("Will Dogecoin outpace Wumpaloo stock?"));
    const extra = searchTokens("Will Dogecoin outpace Wumpaloo stock?").filter(
      (token) => !whole.has(token),
    );
    await entity.delete(extra.map((token) => ({ token, marketId }))).go();
    expect(await found("doge")).toEqual([]);

    const dry = await reindexMarketSearch(ctx, { dryRun: true });
    expect(dry).toMatchObject({ tokensAdded: extra.length, tokensRemoved: 0 });
    expect(dry.marketsChanged).toBeGreaterThanOrEqual(1);
    expect(await found("doge")).toEqual([]);

    const run = await reindexMarketSearch(ctx);
    expect(run).toMatchObject({ marketsChanged: dry.marketsChanged, tokensAdded: extra.length });
    expect(await found("doge")).toEqual([marketId]);
    expect(await found("wumpa")).toEqual([marketId]);

    expect(await reindexMarketSearch(ctx)).toMatchObject({ marketsChanged: 0, tokensAdded: 0 });
  });
});
