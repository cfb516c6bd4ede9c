import { ulid } from "ulid";
import type { Config } from "./config";
import type { Db } from "./db";
import { type CursorKeys, ephemeralCursorKeys } from "./paging/cursor";

/**
 * What every core function needs from the outside world. Tests pass their own
 * clock and id generator; the database is always real.
 */
export interface CoreContext {
  db: Db;
  config: Config;
  clock: () => Date;
  newId: () => string;
  /** Sign the cursors lists hand out; the HTTP app derives them from the token keys. */
  cursorKeys: CursorKeys;
}

export function createContext(
  parts: Pick<CoreContext, "db" | "config"> & Partial<CoreContext>,
): CoreContext {
  return {
    clock: () => new Date(),
    newId: () => ulid(),
    ...parts,
    cursorKeys: parts.cursorKeys ?? ephemeralCursorKeys(),
  };
}
