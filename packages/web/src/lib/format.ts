const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** `1,000 credits`, `1 credit`, `12.5 credits`. */
export function formatCredits(amount: number): string {
  return `${integer.format(amount)} ${Math.abs(amount) === 1 ? "credit" : "credits"}`;
}

/** A signed amount for ledgers and PnL: `+100`, `−25.5`, `0`. */
export function formatSigned(amount: number): string {
  if (amount === 0) return "0";
  return `${amount > 0 ? "+" : "−"}${integer.format(Math.abs(amount))}`;
}

export function formatNumber(amount: number): string {
  return integer.format(amount);
}

/** Odds 0.655 → `66%` (null when a market has none yet). */
export function formatPercent(odds: number | null | undefined): string {
  if (odds === null || odds === undefined) return "–";
  return `${Math.round(odds * 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
});

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : "–";
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : "–";
}

/**
 * `3 d 4 h`, `24 h`, `23 h 59 min`, `45 s`: how long until a moment. Under two
 * days in hours, so the daily reward's wait reads `24 h`, not `1 d 0 h`.
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const totalHours = Math.floor(seconds / 3600);
  const hours = totalHours % 24;
  const minutes = Math.floor((seconds % 3600) / 60);
  if (totalHours >= 48) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (totalHours > 0) return minutes > 0 ? `${totalHours} h ${minutes} min` : `${totalHours} h`;
  if (minutes > 0) return `${minutes} min ${seconds % 60} s`;
  return `${seconds} s`;
}

/** `in 3 days`, `2 hours ago`: for end dates in lists. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "No end date";
  const diff = new Date(iso).getTime() - now;
  const rtf = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), "minute");
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), "hour");
  if (abs < 60 * 86_400_000) return rtf.format(Math.round(diff / 86_400_000), "day");
  return rtf.format(Math.round(diff / (30 * 86_400_000)), "month");
}
