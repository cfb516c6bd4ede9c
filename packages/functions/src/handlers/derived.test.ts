import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setPreferences } from "@market/core/accounts";
import { placeBet, settleMarketPage } from "@market/core/bets";
import type { CoreContext } from "@market/core/context";
import { streamRecords } from "@market/core/derived/local-stream";
import { OutboxEmailSender } from "@market/core/email";
import { resolveMarket } from "@market/core/markets";
import type { Context, DynamoDBStreamEvent } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { anOpenMarket, aUser, createTestContext } from "../test-support/core";

/**
 * The stream consumer's Lambda entry point, configured from the environment as
 * in AWS (the outbox stands in for SES): it sends the payout email of a won
 * bet, and a batch the event source mapping delivers again sends none.
 */
let ctx: CoreContext;
let dataDir: string;
let handler: (event: DynamoDBStreamEvent, context: Context) => Promise<unknown>;

beforeAll(async () => {
  ctx = await createTestContext({}, { stream: true });
  dataDir = mkdtempSync(join(tmpdir(), "derived-handler-"));
  // The handler module reads its configuration once, when it is imported.
  Object.assign(process.env, {
    TABLE_NAME: ctx.db.table,
    DYNAMODB_ENDPOINT: ctx.db.local?.endpoint,
    DATA_DIR: dataDir,
    EMAIL_TRANSPORT: "outbox",
  });
  ({ handler } = (await import("./derived")) as unknown as { handler: typeof handler });
});

const lambdaContext = {
  functionName: "DerivedData",
  awsRequestId: "request-1",
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

describe("the derived-data Lambda", () => {
  it("emails an opted-in winner once, however often the batch is delivered", async () => {
    const winner = await aUser(ctx, { balance: 500, email: true });
    await setPreferences(ctx, winner, { emailPayouts: true });
    const marketId = await anOpenMarket(ctx);
    const { bet } = await placeBet(ctx, { userId: winner, marketId, amount: 50, side: "this" });
    await resolveMarket(ctx, marketId, "this");
    await settleMarketPage(ctx, marketId);
    const event = { Records: await streamRecords(ctx) } as DynamoDBStreamEvent;

    const first = await handler(event, lambdaContext);
    const again = await handler(event, lambdaContext);

    expect([first, again]).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    const emails = (await new OutboxEmailSender(join(dataDir, "outbox")).list()).filter(
      (email) => email.to === `${winner}@example.com`,
    );
    expect(emails.map((email) => email.subject)).toEqual([
      `Your bet won: ${bet.potentialPayout} credits paid`,
    ]);
    expect(emails[0]?.text).toContain(`/bets/${bet.betId}`);
  });
});
