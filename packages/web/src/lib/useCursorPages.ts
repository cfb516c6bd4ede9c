import { useEffect, useState } from "react";

/**
 * Previous / next over a cursor-paged list: the cursors of the pages before
 * this one. A change of `resetKey` (a filter) goes back to the first page.
 */
export function useCursorPages(resetKey: string) {
  const [cursors, setCursors] = useState<string[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a key change only
  useEffect(() => setCursors([]), [resetKey]);
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (cursor: string | null | undefined) =>
      cursor ? () => setCursors((all) => [...all, cursor]) : undefined,
    previous: cursors.length ? () => setCursors((all) => all.slice(0, -1)) : undefined,
  };
}
