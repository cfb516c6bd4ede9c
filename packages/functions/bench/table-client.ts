/**
 * A cold-start floor for `npm run bench:bundles`: a Lambda that does nothing
 * but what `GET /api/v1/health` does with the table (the AWS SDK's DynamoDB
 * document client, built as the app builds it, sends one DescribeTable). No app,
 * no routing, no validation: no API on this table can start faster.
 */
import { createDb, describeTable } from "@market/core/db";

/** The table client as the app builds it (also the stack-app floor's). */
export const db = createDb({
  table: process.env.TABLE_NAME ?? "",
  endpoint: process.env.DYNAMODB_ENDPOINT,
  region: process.env.AWS_REGION,
});

export async function handler(): Promise<{ statusCode: number; body: string }> {
  const table = await describeTable(db);
  return { statusCode: 200, body: JSON.stringify({ status: "ok", table: table.status }) };
}
