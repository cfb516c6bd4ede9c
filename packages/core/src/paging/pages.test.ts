import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { InvalidCursor } from "../errors";
import { listMarkets } from "../markets/list";
import { createTestContext, seedCatalogue } from "../test-support";
import { cursorKeysFrom, openCursor, scopeOf, sealCursor } from "./cursor";

const secret = (fill: string) => new TextEncoder().encode(fill.repeat(48));

describe("list cursors", () => {
  const keys = cursorKeysFrom([secret("a")]);
  const scope = scopeOf("bets", "user-1", { status: "won" });
  const state = { position: 20, key: { pk: "p", sk: "s" } };

  it("open under the scope that sealed them", () => {
    expect(openCursor(keys, scope, sealCursor(keys, scope, state))).toEqual(state);
  });

  it.each([
    ["another owner", scopeOf("bets", "user-2", { status: "won" })],
    ["other filters", scopeOf("bets", "user-1", { status: "lost" })],
    ["another list", scopeOf("ledger", "user-1", { status: "won" })],
  ])("do not open for %s", (_label, other) => {
    expect(() => openCursor(keys, other, sealCursor(keys, scope, state))).toThrow(InvalidCursor);
  });

  it.each([
    ["base64 of {}", "e30"],
    ["a state without its signature", sealCursor(keys, scope, state).split(".")[0] as string],
    ["a signature of another key", sealCursor(cursorKeysFrom([secret("b")]), scope, state)],
    [
      "a changed state",
      `${Buffer.from('{"p":0}').toString("base64url")}.${sealCursor(keys, scope, state).split(".")[1]}`,
    ],
    ["an empty string", ""],
  ])("refuse %s", (_label, cursor) => {
    expect(() => openCursor(keys, scope, cursor)).toThrow(InvalidCursor);
  });

  it("keep opening with a key rotated out while it is still listed", () => {
    const old = cursorKeysFrom([secret("a")]);
    const rotated = cursorKeysFrom([secret("c"), secret("a")]);

    expect(openCursor(rotated, scope, sealCursor(old, scope, state))).toEqual(state);
  });
});

describe("a page under a filter that drops most items", () => {
  let ctx: CoreContext;
  let catalogue: MarketItem[];

  beforeAll(async () => {
    ctx = await createTestContext({ LIST_READ_BUDGET: "201" });
    catalogue = await seedCatalogue(ctx, 600);
  });

  it("ends early at the read budget with a cursor, and the cursors reach every match once", async () => {
    const credits = catalogue.filter((market) => market.marketType === "credits").length;
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await listMarkets(ctx, { type: "credits", limit: 100, cursor });
      expect(page.total).toBe(credits);
      // At most LIST_READ_BUDGET items a request: 201 read give about 20 credits markets.
      expect(page.items.length).toBeLessThan(100);
      seen.push(...page.items.map((market) => market.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(credits);
    expect(seen).toHaveLength(credits);
  });
});
