import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type Shard,
  TrimmedDataAccessException,
} from "@aws-sdk/client-dynamodb-streams";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import type { StreamRecord } from "./changes";
import { type ConsumerContext, consumeRecords } from "./consume";

/** New shards appear when one closes (handled at once) or rolls over (hours): a minute is plenty. */
const describeEveryMs = 60_000;

export interface LocalStreamOptions {
  /** Pause between polls when the stream had nothing new (default 250 ms). */
  idleMs?: number | undefined;
  /** A failed poll is logged here and tried again on the next one (and payout emails not sent). */
  onError?: ((error: unknown) => void) | undefined;
}

export interface LocalStreamReader {
  /** Polls in the background until `stop`. */
  start(): LocalStreamReader;
  /** Applies every change the stream holds now; resolves with how many it found. */
  drain(): Promise<number>;
  /** Stops polling (after the poll under way). */
  stop(): Promise<void>;
}

/**
 * The derived-data consumer fed by DynamoDB Local's stream, for `npm start` and
 * the tests: what the Lambda event source mapping does in AWS. It reads every
 * shard from where its checkpoint (an item in the table) left off, gives the
 * records to the same handler the Lambda runs, then moves the checkpoint. A
 * crash between the two redelivers the batch, which the handler's markers make
 * harmless. `start` polls in the background; `drain` is for tests and jobs
 * that need the numbers caught up now. With `ctx.email` it sends the payout
 * emails too, as the Lambda does.
 */
export function localStreamReader(ctx: ConsumerContext, options: LocalStreamOptions = {}) {
  const local = ctx.db.local;
  if (!local) throw new Error("The local stream reader needs a DynamoDB Local endpoint");
  const client = new DynamoDBStreamsClient({
    endpoint: local.endpoint,
    region: local.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const checkpoints = serviceFor(ctx.db).entities.streamCheckpoint;
  const iterators = new Map<string, string>();
  const closed = new Set<string>();
  let streamArn: string | undefined;
  let running: Promise<number> = Promise.resolve(0);
  /** The shards as last described: DescribeStream is costly on DynamoDB Local (it reads the stream). */
  let described: { shards: Shard[]; at: number } | undefined;

  async function shards(): Promise<Shard[]> {
    const fresh = described && Date.now() - described.at < describeEveryMs;
    if (fresh && described) return described.shards;
    if (!streamArn) {
      const { Streams } = await client.send(new ListStreamsCommand({ TableName: ctx.db.table }));
      streamArn = Streams?.at(-1)?.StreamArn;
      if (!streamArn) return [];
    }
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await client.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      all.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    described = { shards: all, at: Date.now() };
    return all;
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const known = iterators.get(shardId);
    if (known) return known;
    const { data: checkpoint } = await checkpoints.get({ shardId }).go({ consistent: true });
    if (checkpoint?.closed) {
      closed.add(shardId);
      return undefined;
    }
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(checkpoint
          ? {
              ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
              SequenceNumber: checkpoint.sequenceNumber,
            }
          : { ShardIteratorType: "TRIM_HORIZON" }),
      }),
    );
    return ShardIterator;
  }

  /**
   * One pass over every open shard: the changes found. The consumer's own
   * writes (markers, counters, checkpoints) are records too but move nothing:
   * a pass that found no change is idle, and moves no checkpoint (re-reading
   * such records after a restart costs a read, nothing more).
   */
  async function poll(): Promise<number> {
    let read = 0;
    for (const shard of await shards()) {
      const shardId = shard.ShardId as string;
      if (closed.has(shardId)) continue;
      read += await readShard(shardId);
    }
    return read;
  }

  async function readShard(shardId: string): Promise<number> {
    let read = 0;
    for (;;) {
      const iterator = await iteratorFor(shardId);
      if (!iterator) return read;
      let page: Awaited<ReturnType<typeof getRecords>>;
      try {
        page = await getRecords(iterator);
      } catch (error) {
        // An iterator lives 15 minutes; a trimmed position starts from the oldest record.
        if (
          error instanceof ExpiredIteratorException ||
          error instanceof TrimmedDataAccessException
        ) {
          iterators.delete(shardId);
          continue;
        }
        throw error;
      }
      const records = (page.Records ?? []) as StreamRecord[];
      const found = records.length > 0 ? await consumeRecords(ctx, records) : undefined;
      if (found?.emails?.failed) {
        options.onError?.(new Error(`${found.emails.failed} payout emails could not be sent`));
      }
      const changes = found ? found.applied + found.skipped : 0;
      read += changes;
      const last = changes > 0 ? records.at(-1)?.dynamodb?.SequenceNumber : undefined;
      const next = page.NextShardIterator;
      if (last || !next) {
        const { data: before } = last
          ? { data: undefined }
          : await checkpoints.get({ shardId }).go({ consistent: true });
        const sequenceNumber = last ?? before?.sequenceNumber ?? "0";
        await checkpoints
          .put({ shardId, sequenceNumber, closed: !next, updatedAt: ctx.clock().toISOString() })
          .go();
      }
      if (!next) {
        closed.add(shardId);
        iterators.delete(shardId);
        // A closed shard has children: look for them on the next poll.
        described = undefined;
        return read;
      }
      iterators.set(shardId, next);
      if (records.length === 0) return read;
    }
  }

  function getRecords(iterator: string) {
    return client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
  }

  /** One poll at a time: a drain waits for the background poll, then polls itself. */
  function serialized(): Promise<number> {
    const next = running.catch(() => 0).then(poll);
    running = next;
    return next;
  }

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reader: LocalStreamReader = {
    async drain() {
      let total = 0;
      for (;;) {
        const read = await serialized();
        total += read;
        if (read === 0) return total;
      }
    },
    start() {
      const loop = async () => {
        if (stopped) return;
        let read = 0;
        try {
          read = await serialized();
        } catch (error) {
          options.onError?.(error);
        }
        if (!stopped) timer = setTimeout(loop, read > 0 ? 0 : (options.idleMs ?? 250));
      };
      void loop();
      return reader;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => 0);
      client.destroy();
    },
  };
  return reader;
}

/**
 * Every record the local table's stream holds, oldest first per shard, without
 * applying anything: for checks that deliver records again (the soak, tests).
 */
export async function streamRecords(ctx: CoreContext): Promise<StreamRecord[]> {
  const local = ctx.db.local;
  if (!local) throw new Error("Reading the stream needs a DynamoDB Local endpoint");
  const client = new DynamoDBStreamsClient({
    ...local,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const { Streams } = await client.send(new ListStreamsCommand({ TableName: ctx.db.table }));
    const StreamArn = Streams?.at(-1)?.StreamArn;
    if (!StreamArn) return [];
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
        const page = await client.send(new GetRecordsCommand({ ShardIterator, Limit: 1000 }));
        const found = (page.Records ?? []) as StreamRecord[];
        records.push(...found);
        if (found.length === 0) break;
        ShardIterator = page.NextShardIterator;
      }
    }
    return records;
  } finally {
    client.destroy();
  }
}
