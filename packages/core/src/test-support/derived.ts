import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { Db } from "../db";
import { type ConsumerContext, consumeRecords } from "../derived/consume";
import { type LocalStreamReader, localStreamReader, streamRecords } from "../derived/local-stream";

const readers = new WeakMap<Db, LocalStreamReader>();

/**
 * Brings the derived numbers (leaderboard stats, rank marks, analytics) up to
 * date with everything written so far: the consumer reads the table's stream
 * on DynamoDB Local, as `npm start` does in the background. Tests call it
 * before they read derived numbers. With `ctx.email`, payout emails go there
 * (the first call's context serves the table from then on). Resolves with the records read.
 */
export async function drainDerived(ctx: ConsumerContext): Promise<number> {
  let reader = readers.get(ctx.db);
  if (!reader) {
    const { Table } = await ctx.db.client.send(
      new DescribeTableCommand({ TableName: ctx.db.table }),
    );
    if (!Table?.StreamSpecification?.StreamEnabled) {
      throw new Error("This test's table has no stream: create it with `{ stream: true }`");
    }
    reader = localStreamReader(ctx);
    readers.set(ctx.db, reader);
  }
  return reader.drain();
}

/**
 * Delivers every record the table's stream holds again, from its start, as
 * Lambda may redeliver a batch: what was applied once must add nothing now.
 * Resolves with the consumer's counts (`applied`, `skipped`).
 */
export async function redeliverStream(ctx: ConsumerContext) {
  return consumeRecords(ctx, await streamRecords(ctx));
}
