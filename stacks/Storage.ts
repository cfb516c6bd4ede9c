import { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { StackContext } from "sst/constructs";
import { MarketTable } from "../infra/table";
import { useStage } from "./stage";

/** The single DynamoDB table (see `infra/table.ts`); other stacks `use(Storage)` to reach it. */
export function Storage({ app, stack }: StackContext) {
  const { retain, settings } = useStage(app);
  // Point-in-time recovery is on in every stage; a retained stage also refuses deletion.
  const { table: ownTable } = new MarketTable(stack, "Market", { deletionProtection: retain });
  // A restore (docs/deploy.md): the stage serves the restored table, and its own
  // (retained, protected) stays as it was until you decide what to do with it.
  const table = settings.tableName
    ? TableV2.fromTableAttributes(stack, "RestoredTable", {
        tableName: settings.tableName,
        ...(settings.tableStreamArn ? { tableStreamArn: settings.tableStreamArn } : {}),
        grantIndexPermissions: true,
      })
    : ownTable;
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
