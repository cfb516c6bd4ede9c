/** The two sides of a binary market: its `thisOption` and its `thatOption`. */
export const sides = ["this", "that"] as const;
export type Side = (typeof sides)[number];
