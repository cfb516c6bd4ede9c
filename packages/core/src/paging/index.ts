export { backfillListCounters } from "./backfill";
export {
  type CursorKeys,
  type CursorState,
  cursorKeysFrom,
  ephemeralCursorKeys,
  openCursor,
  scopeOf,
  sealCursor,
} from "./cursor";
export {
  type ListSpec,
  listPage,
  type Page,
  type PageRequest,
  type PageStart,
  pageOf,
  pageStart,
} from "./list";
export {
  type PageRead,
  type PageWindow,
  pageQuery,
  type QuerySource,
  type StartKey,
  sourceOf,
  startKeyOf,
} from "./query";
