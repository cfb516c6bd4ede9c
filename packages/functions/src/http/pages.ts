import { z } from "@hono/zod-openapi";
import { maxListOffset, type PageSize } from "@market/core/limits";
import type { Page } from "@market/core/paging";

/**
 * The query of a paged list: its `filters`, and `limit` (the list's page
 * size), `offset` (up to the bound) or `cursor` (a `nextCursor`), not both.
 */
export function pagedQuery<S extends z.ZodRawShape>(filters: S, size: PageSize) {
  return z
    .object({
      ...filters,
      limit: z.coerce.number().int().min(1).max(size.max).default(size.default),
      offset: z.coerce
        .number()
        .int()
        .min(0)
        .max(maxListOffset, `must be at most ${maxListOffset}; follow nextCursor for deeper pages`)
        .optional()
        .openapi({ description: `Items to skip, at most ${maxListOffset}` }),
      cursor: z
        .string()
        .max(2048)
        .optional()
        .openapi({ description: "`nextCursor` of the previous page (not with `offset`)" }),
    })
    .strict()
    .refine(
      (query: { cursor?: unknown; offset?: unknown }) =>
        !(query.cursor !== undefined && query.offset !== undefined),
      {
        message: "cannot be combined with offset",
        path: ["cursor"],
      },
    );
}

const pageFields = {
  limit: z.number().int(),
  offset: z.number().int().openapi({ description: "Items before this page" }),
  nextCursor: z
    .string()
    .nullable()
    .openapi({ description: "Pass back as `cursor` for the next page; null on the last" }),
};

/** A page of `item`s under `name`, with `total` (what every filter matches) and the paging fields. */
export function pageSchema<N extends string, T extends z.ZodType>(name: N, item: T) {
  return z.object({
    [name]: z.array(item),
    total: z.number().int().openapi({ description: "Every item the filters match" }),
    ...pageFields,
  } as { [key in N]: z.ZodArray<T> } & { total: z.ZodNumber } & typeof pageFields);
}

/** As `pageSchema`, for a list that keeps no counter (no `total`). */
export function pageSchemaWithoutTotal<N extends string, T extends z.ZodType>(name: N, item: T) {
  return z.object({ [name]: z.array(item), ...pageFields } as {
    [key in N]: z.ZodArray<T>;
  } & typeof pageFields);
}

/** A core page as the API answers it: the items (each through `view`) under `name`. */
export function pageBody<N extends string, T, V>(name: N, page: Page<T>, view: (item: T) => V) {
  return {
    [name]: page.items.map(view),
    total: page.total ?? 0,
    limit: page.limit,
    offset: page.offset,
    nextCursor: page.nextCursor,
  } as { [key in N]: V[] } & {
    total: number;
    limit: number;
    offset: number;
    nextCursor: string | null;
  };
}
