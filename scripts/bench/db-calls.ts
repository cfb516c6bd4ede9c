import type { Db } from "@market/core/db";

/**
 * Counts the DynamoDB requests a client sends, by command, from the SDK's own
 * middleware stack: the real number of round trips, not an estimate.
 */
export function countDynamoCalls(db: Db) {
  const counts = new Map<string, number>();
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? "unknown");
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: "initialize", name: "benchCallCounter" },
  );
  return {
    reset: () => counts.clear(),
    snapshot: () => Object.fromEntries(counts),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
  };
}
