import type { Board } from "../entities/leaderboard";
import { toCents } from "../money";

/** Scores stay far inside this many cents (the balance cap is 10^8 cents). */
const offsetCents = 10 ** 15;

/**
 * The sort key of a user's board entry: ascending order is score descending,
 * then username (case-insensitive, as usernames are unique), then user id.
 */
export function boardSortKey(score: number, username: string, userId: string): string {
  return `${scorePrefix(score)}#${username.toLowerCase()}#${userId}`;
}

/** Every entry whose key sorts below this prefix has a strictly higher score. */
export function scorePrefix(score: number): string {
  return String(offsetCents - toCents(score)).padStart(16, "0");
}

export function scoreOf(board: Board, numbers: { pnl: number; volume: number }): number {
  return board === "pnl" ? numbers.pnl : numbers.volume;
}
