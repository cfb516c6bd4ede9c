import { describe, expect, it } from "vitest";
import { createTestDb } from "../../../scripts/test/db";
import { loadConfig } from "./config";
import { createContext } from "./context";
import type { Db } from "./db";
import { openAccount } from "./ledger";
import { serviceFor } from "./service";

const accountIn = (db: Db, userId: string, amount: number) =>
  openAccount(createContext({ db, config: loadConfig({}) }), {
    userId,
    openingGrant: { amount, type: "admin_grant", reason: "test" },
  });

const balanceIn = async (db: Db, userId: string) =>
  (await serviceFor(db).entities.user.get({ userId }).go({ consistent: true })).data?.balance;

describe("serviceFor", () => {
  it("keeps each Db on its own table, whichever was bound last", async () => {
    const first = await createTestDb("service");
    await accountIn(first, "u-first", 10);
    const second = await createTestDb("service");
    await accountIn(second, "u-second", 20);

    // The first Db, used after the second was bound, still reaches its own table.
    expect(await balanceIn(first, "u-first")).toBe(10);
    expect(await balanceIn(first, "u-second")).toBeUndefined();
    expect(await balanceIn(second, "u-second")).toBe(20);
    expect(await balanceIn(second, "u-first")).toBeUndefined();
  });
});
