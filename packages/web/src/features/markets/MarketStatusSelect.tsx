import { Select } from "../../components/Field";
import type { MarketQuery } from "./queries";

export type MarketStatus = NonNullable<MarketQuery["status"]>;

/** What the public market list filters by, and the admin's (which has no cancelled view). */
export const marketStatuses = [
  "open",
  "closed",
  "resolved",
  "cancelled",
] as const satisfies readonly MarketStatus[];
export const adminMarketStatuses = [
  "open",
  "closed",
  "resolved",
] as const satisfies readonly MarketStatus[];

const statusLabels: Record<MarketStatus, string> = {
  open: "Open",
  closed: "Closed",
  resolved: "Resolved",
  cancelled: "Cancelled",
};

/**
 * The market status filter of a list. `open` is the list's default, so choosing
 * it clears the filter (`undefined`) and keeps it out of the URL.
 */
export function MarketStatusSelect<S extends MarketStatus>({
  statuses,
  value,
  onChange,
}: {
  statuses: readonly S[];
  value: S;
  onChange: (status: S | undefined) => void;
}) {
  return (
    <Select
      label="Status"
      value={value}
      onChange={(event) =>
        onChange(event.target.value === "open" ? undefined : (event.target.value as S))
      }
    >
      {statuses.map((status) => (
        <option key={status} value={status}>
          {statusLabels[status]}
        </option>
      ))}
    </Select>
  );
}
