import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from "@aws-sdk/client-dynamodb-streams";
import type { CoreContext } from "../context";
import type { Db } from "../db";
import type { StreamRecord } from "../derived/changes";
import { type LocalStreamReader, localStreamReader } from "../derived/local-stream";

const readers = new WeakMap<Db, LocalStreamReader>();

/**
 * Brings the derived numbers (leaderboard stats, rank marks, analytics) up to
 * date with everything written so far: the consumer reads the table's stream
 * on DynamoDB Local, as `npm start` does in the background. Tests call it
 * before they read derived numbers. Resolves with the records read.
 */
export function drainDerived(ctx: CoreContext): Promise<number> {
  let reader = readers.get(ctx.db);
  if (!reader) {
    reader = localStreamReader(ctx);
    readers.set(ctx.db, reader);
  }
  return reader.drain();
}

/**
 * Every record the table's stream holds, oldest first per shard, as the
 * consumer would be handed them: for tests that deliver a batch themselves
 * (twice, shuffled, or crashing half-way).
 */
export async function allStreamRecords(ctx: CoreContext): Promise<StreamRecord[]> {
  const local = ctx.db.local as { endpoint: string; region: string };
  const client = new DynamoDBStreamsClient({
    ...local,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const { Streams } = await client.send(new ListStreamsCommand({ TableName: ctx.db.table }));
  const StreamArn = Streams?.at(-1)?.StreamArn;
  const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn }));
  const records: StreamRecord[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: "TRIM_HORIZON",
      }),
    );
    while (ShardIterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator }));
      records.push(...((page.Records ?? []) as StreamRecord[]));
      if ((page.Records ?? []).length === 0) break;
      ShardIterator = page.NextShardIterator;
    }
  }
  client.destroy();
  return records;
}
