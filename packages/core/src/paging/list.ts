import type { CoreContext } from "../context";
import { ValidationFailed } from "../errors";
import { maxListOffset, type PageSize } from "../limits";
import { openCursor, sealCursor } from "./cursor";
import { type PageRead, type PageWindow, pageQuery, type QuerySource } from "./query";

/** What a client asks of a list: `limit`, and `offset` or a `cursor` (not both). */
export interface PageRequest {
  limit?: number | undefined;
  offset?: number | undefined;
  /** A `nextCursor`; null or undefined for none. */
  cursor?: string | null | undefined;
}

/** One page of a list, as every list answers (docs/product-rules.md#lists). */
export interface Page<T> {
  items: T[];
  /** Every item the list's filters match, from a counter; absent where a list keeps none. */
  total?: number | undefined;
  limit: number;
  /** Items before this page. */
  offset: number;
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Where a checked request's page starts. */
export interface PageStart extends PageWindow {
  /** What the cursors of this list are bound to (`scopeOf`). */
  scope: string;
  /** Items of the list before the page (the answer's `offset`). */
  position: number;
}

/**
 * Checks a list request against the list's page size and the offset bound, and
 * opens its cursor (bound to `scope`): a bad limit, an offset past the bound, a
 * cursor with an offset, or a cursor not sealed for this scope is a 400 naming
 * the field.
 */
export function pageStart(
  ctx: CoreContext,
  request: PageRequest,
  scope: string,
  size: PageSize,
): PageStart {
  const limit = request.limit ?? size.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > size.max) {
    throw new ValidationFailed("Invalid limit", {
      limit: `must be an integer from 1 to ${size.max}`,
    });
  }
  if (request.cursor !== undefined && request.cursor !== null) {
    if (request.offset !== undefined) {
      throw new ValidationFailed("Use cursor or offset, not both", {
        cursor: "cannot be combined with offset",
      });
    }
    const state = openCursor(ctx.cursorKeys, scope, request.cursor);
    // A keyed cursor starts after its key; a position-only one counts from the start.
    return state.key
      ? { scope, limit, position: state.position, offset: 0, after: state.key }
      : { scope, limit, position: state.position, offset: state.position };
  }
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > maxListOffset) {
    throw new ValidationFailed("Invalid offset", {
      offset: `must be an integer from 0 to ${maxListOffset}; follow nextCursor for deeper pages`,
    });
  }
  return { scope, limit, position: offset, offset };
}

/** The page a read makes, with its total and the sealed cursor of the next page. */
export function pageOf<T>(
  ctx: CoreContext,
  start: PageStart,
  read: PageRead<T>,
  total?: number,
): Page<T> {
  const position = start.position + read.items.length;
  return {
    items: read.items,
    total,
    limit: start.limit,
    offset: start.position,
    nextCursor: read.next
      ? sealCursor(ctx.cursorKeys, start.scope, { position, key: read.next })
      : null,
  };
}

export interface ListSpec<T> {
  /** `scopeOf(list, owner, filters)`: a cursor works only for the list that sealed it. */
  scope: string;
  size: PageSize;
  query: QuerySource<T>;
  /** The list's counter, read beside the page (never counted on read). */
  total?: (() => Promise<number>) | undefined;
}

/**
 * A page of a list: the request checked (`pageStart`), the page read
 * (`pageQuery`) with the total beside it, the answer made (`pageOf`).
 */
export async function listPage<T>(
  ctx: CoreContext,
  request: PageRequest,
  spec: ListSpec<T>,
): Promise<Page<T>> {
  const start = pageStart(ctx, request, spec.scope, spec.size);
  const [read, total] = await Promise.all([pageQuery(ctx, spec.query, start), spec.total?.()]);
  return pageOf(ctx, start, read, total);
}
