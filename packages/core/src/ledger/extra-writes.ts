import { type CancellationReason, conditionFailed } from "../conditions";
import type { TransactionItem } from "../service";

/**
 * The extra writes of a ledger transaction, by name (`bet`, `marketOpen`,
 * `uniqueEmail`), in the order they are written. A write that fails its
 * condition is reported by its name, never by its position.
 */
export type ExtraWrites = Record<string, TransactionItem | readonly TransactionItem[]>;

export interface NamedItems {
  items: TransactionItem[];
  /** The name of each item in `items`, position for position. */
  names: string[];
}

/** The items of `extras` in order, with the name each came under. */
export function namedItems(extras: ExtraWrites | undefined): NamedItems {
  const items: TransactionItem[] = [];
  const names: string[] = [];
  for (const [name, written] of Object.entries(extras ?? {})) {
    const list: readonly TransactionItem[] = Array.isArray(written)
      ? written
      : [written as TransactionItem];
    items.push(...list);
    names.push(...list.map(() => name));
  }
  return { items, names };
}

/**
 * The name of the first extra write that failed its condition, given the
 * transaction's cancellation reasons and where the extra writes start in it.
 */
export function rejectedWrite(
  extras: NamedItems,
  reasons: readonly CancellationReason[],
  firstIndex: number,
): string | undefined {
  const index = extras.names.findIndex(
    (_, position) => reasons[firstIndex + position]?.code === conditionFailed,
  );
  return index >= 0 ? extras.names[index] : undefined;
}
