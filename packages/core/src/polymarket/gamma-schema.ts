import { z } from "zod";
import { PolymarketBadResponse } from "./errors";

/**
 * Zod schemas for one item of Gamma `GET /markets`, as it really arrives (see the
 * fixture guide): lists are JSON text inside strings, totals are strings next to
 * numeric twins, and two time formats are in use.
 *
 * Fields that decide what a market is or how it settles (id, question, outcomes,
 * prices, end date, status flags) are strict: a bad value makes the record invalid.
 * Fields that only inform (volumes, update times, oracle history, token ids) fall
 * back to "unknown" instead, so a cosmetic glitch never drops an otherwise good market.
 * Keys not listed here are stripped; Gamma adds new ones often.
 */

/** `2026-10-28T18:00:00Z`, `2026-08-01T14:00:00.513291Z` or `2026-07-02 06:43:51+00`. */
const gammaTimePattern =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const gammaDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a Gamma time in either of its formats and returns it as ISO 8601 UTC, or
 * null when it is not a time. A time without a zone is taken as UTC, never as the
 * zone of the machine running the job.
 */
export function parseGammaTime(text: string): string | null {
  const match = gammaTimePattern.exec(text.trim());
  if (!match) return null;
  const [, date, time, zone] = match;
  const ms = Date.parse(`${date}T${time}${isoOffset(zone)}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function isoOffset(zone: string | undefined): string {
  if (!zone || zone.toUpperCase() === "Z") return "Z";
  // `+00` (Postgres style, used by closedTime) and `+0530` are not accepted by Date.parse.
  const digits = zone.slice(1).replace(":", "").padEnd(4, "0");
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** A date-only Gamma value (`endDateIso`) as the start of that day in UTC, or null. */
export function parseGammaDate(text: string): string | null {
  if (!gammaDatePattern.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Wraps a schema for a value that Gamma sends JSON-encoded inside a string. */
function jsonEncoded<T extends z.ZodType>(inner: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(inner);
}

const timestamp = z.string().transform((text, ctx) => {
  const iso = parseGammaTime(text);
  if (iso === null) ctx.addIssue({ code: "custom", message: `is not a time: ${text}` });
  return iso ?? z.NEVER;
});

const dateOnly = z.string().transform((text, ctx) => {
  const iso = parseGammaDate(text);
  if (iso === null) ctx.addIssue({ code: "custom", message: `is not a date: ${text}` });
  return iso ?? z.NEVER;
});

/** A decimal that may come as a number or as its text (`"912004.118271"`, `"250"`). */
const decimal = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, "is not a decimal")
    .transform(Number)
    .pipe(z.number()),
]);

/** Totals are informative only: anything unreadable counts as unknown. */
const amount = decimal.pipe(z.number().nonnegative()).nullish().catch(undefined);

const price = decimal.pipe(z.number().min(0).max(1));

const gammaId = z.union([
  z.string().regex(/^\d+$/, "is not a string of digits"),
  z.number().int().nonnegative().transform(String),
]);

export const gammaMarketSchema = z.object({
  id: gammaId,
  question: z.string().trim().min(1),
  conditionId: z.string().nullish(),
  description: z.string().nullish(),
  category: z.string().nullish(),
  outcomes: jsonEncoded(z.array(z.string().trim().min(1))),
  /** Same order as `outcomes`; absent until the market is on the order book. */
  outcomePrices: jsonEncoded(z.array(price)).nullish(),
  /** Same order as `outcomes`; kept to cross-check a winner against the CLOB API. */
  clobTokenIds: jsonEncoded(z.array(z.string())).nullish().catch(undefined),
  volume: amount,
  volumeNum: amount,
  liquidity: amount,
  liquidityNum: amount,
  volume24hr: amount,
  endDate: timestamp.nullish(),
  endDateIso: dateOnly.nullish(),
  closedTime: timestamp.nullish().catch(undefined),
  updatedAt: timestamp.nullish().catch(undefined),
  /** `active` stays true on most closed markets, so it is not read at all; trust `closed`. */
  closed: z.boolean(),
  acceptingOrders: z.boolean().nullish(),
  enableOrderBook: z.boolean().nullish(),
  /** `proposed`, `disputed`, `resolved`; absent until someone proposes and on old markets. */
  umaResolutionStatus: z.string().nullish(),
  umaResolutionStatuses: jsonEncoded(z.array(z.string())).nullish().catch(undefined),
});

/** One Gamma market after validation: lists decoded, times in ISO 8601, totals as numbers. */
export type GammaMarket = z.output<typeof gammaMarketSchema>;

/**
 * Checks that a Gamma response body is a page (an array). Items are not validated
 * here: each one is parsed on its own later, so one bad record never fails a page.
 */
export function parseGammaPage(body: unknown, url?: string): unknown[] {
  if (!Array.isArray(body)) {
    throw new PolymarketBadResponse("Polymarket returned something other than a list of markets", {
      ...(url === undefined ? {} : { url }),
      bodyStart: JSON.stringify(body)?.slice(0, 200) ?? String(body),
    });
  }
  return body;
}
