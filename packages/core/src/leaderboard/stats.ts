import { createHash } from "node:crypto";

/**
 * The dirty markers are spread over this many partitions. The stream consumer
 * (src/derived) marks a user whose stats it changed; the ranking job starts
 * from the marks.
 */
export const dirtyShards = 16;

export function dirtyShardOf(userId: string): number {
  return createHash("sha256").update(userId).digest().readUInt16BE(0) % dirtyShards;
}
