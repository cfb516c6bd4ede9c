import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createContext, dbFromConfig, loadConfig } from "@market/core";
import { consumeRecords, type StreamRecord } from "@market/core/derived";
import middy from "@middy/core";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../logger";
import { configureLambdaRuntime } from "./lambda-runtime";

configureLambdaRuntime();
// Built once per container; every batch reuses them.
const config = loadConfig();
const ctx = createContext({
  db: dbFromConfig(config),
  config,
});

/**
 * The table's stream (Lambda event source mapping): leaderboard stats, rank
 * marks and analytics counters follow every change exactly once
 * (`consumeRecords`). A failed batch is reported from its first record, so
 * the mapping delivers it again (bisecting on repeated failure); the markers
 * make the redelivery add only what the failed attempt did not.
 */
export const handler = middy(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records as StreamRecord[];
  try {
    const result = await consumeRecords(ctx, records);
    logger.info("Derived data applied", { records: records.length, ...result });
    return { batchItemFailures: [] };
  } catch (error) {
    logger.error("Derived data: batch failed, asking for it again", { error });
    const first = records[0]?.dynamodb?.SequenceNumber;
    return { batchItemFailures: first ? [{ itemIdentifier: first }] : [] };
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
