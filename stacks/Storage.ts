import type { StackContext } from "sst/constructs";
import { MarketTable } from "../infra/table";
import { useStage } from "./stage";

/** The single DynamoDB table (see `infra/table.ts`); other stacks `use(Storage)` to reach it. */
export function Storage({ app, stack }: StackContext) {
  const { retain } = useStage(app);
  // Point-in-time recovery is on in every stage; a retained stage also refuses deletion.
  const { table } = new MarketTable(stack, "Market", { deletionProtection: retain });
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
