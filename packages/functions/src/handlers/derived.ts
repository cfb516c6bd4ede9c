import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createContext, dbFromConfig, loadConfig } from "@market/core";
import { consumeRecords, type StreamRecord } from "@market/core/derived";
import { emailSenderFor } from "@market/core/email";
import middy from "@middy/core";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../logger";
import { configureLambdaRuntime } from "./lambda-runtime";

configureLambdaRuntime();
// Built once per container; every batch reuses them.
const config = loadConfig();
const ctx = {
  ...createContext({ db: dbFromConfig(config), config }),
  // Payout emails, to the users who asked for them (the SES client loads on the first).
  email: emailSenderFor(config),
};

/**
 * The table's stream (Lambda event source mapping): leaderboard stats, rank
 * marks and analytics counters follow every change exactly once
 * (`consumeRecords`). A failed batch is reported from its first record, so
 * the mapping delivers it again (bisecting on repeated failure); the markers
 * make the redelivery add only what the failed attempt did not, and send no
 * payout email twice (at most once: see `sendPayoutEmails`).
 */
export const handler = middy(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records as StreamRecord[];
  try {
    const result = await consumeRecords(ctx, records);
    const { applied, skipped, written, emails } = result;
    logger.info("Derived data applied", {
      records: records.length,
      applied,
      skipped,
      notifications: written.length,
      ...(emails ? { emailsSent: emails.sent, emailsFailed: emails.failed } : {}),
    });
    if (emails?.failed) logger.error("Payout emails not sent", { failed: emails.failed });
    return { batchItemFailures: [] };
  } catch (error) {
    logger.error("Derived data: batch failed, asking for it again", { error });
    const first = records[0]?.dynamodb?.SequenceNumber;
    return { batchItemFailures: first ? [{ itemIdentifier: first }] : [] };
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
