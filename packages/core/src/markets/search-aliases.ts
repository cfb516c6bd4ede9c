/**
 * Common tickers and short names people type for words found in market titles
 * ("btc" for Bitcoin). Each group is one name: a title holding any word of a
 * group is found by every other word of it. Single words only (titles are
 * indexed word by word); add groups here, then `npm run migrate:search-tokens`
 * re-indexes the markets already stored.
 */
export const searchAliasGroups: readonly (readonly string[])[] = [
  ["bitcoin", "btc"],
  ["ethereum", "eth", "ether"],
  ["solana", "sol"],
  ["dogecoin", "doge"],
  ["ripple", "xrp"],
  ["cardano", "ada"],
  ["litecoin", "ltc"],
  ["tesla", "tsla"],
  ["apple", "aapl"],
  ["nvidia", "nvda"],
  ["microsoft", "msft"],
  ["amazon", "amzn"],
  ["google", "googl", "alphabet"],
  ["president", "potus"],
  ["republican", "republicans", "gop"],
  ["democrat", "democrats", "dem", "dems"],
  ["usa", "us", "america"],
  ["uk", "britain"],
  ["ai", "artificial"],
];

const aliasesByWord = new Map<string, string[]>();
for (const group of searchAliasGroups) {
  for (const word of group) {
    aliasesByWord.set(
      word,
      group.filter((other) => other !== word),
    );
  }
}

/** The other names of a word ("bitcoin" → ["btc"]); none for most words. */
export function aliasesOf(word: string): readonly string[] {
  return aliasesByWord.get(word) ?? [];
}
