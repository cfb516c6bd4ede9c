import type { StackContext } from "sst/constructs";
import { MarketTable } from "../infra/table";

/** The stage whose data is real: its table refuses deletion and outlives the stack. */
export const productionStage = "prod";

/** The single DynamoDB table (see `infra/table.ts`); other stacks `use(Storage)` to reach it. */
export function Storage({ app, stack }: StackContext) {
  const { table } = new MarketTable(stack, "Market", {
    deletionProtection: app.stage === productionStage,
  });
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
