import { tableDefinition } from "@market/core/table";
import { RemovalPolicy } from "aws-cdk-lib";
import {
  AttributeType,
  Billing,
  type ITableV2,
  ProjectionType,
  StreamViewType,
  TableV2,
} from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";

/** Options of {@link MarketTable}. */
export interface MarketTableProps {
  /**
   * Refuse `DeleteTable` and keep the table when the stack goes away. On for
   * production; off for throwaway stages so they can be torn down completely.
   * @default true
   */
  deletionProtection?: boolean;
  /** A fixed physical name; by default CloudFormation generates one per stage. */
  tableName?: string;
}

/**
 * The product's single DynamoDB table, built from `tableDefinition` in core so
 * the deployed keys and indexes are exactly the ones DynamoDB Local gets in
 * tests: on-demand billing, point-in-time recovery, TTL, every GSI projecting
 * all attributes (entities read whole items from any index).
 */
export class MarketTable extends Construct {
  readonly table: ITableV2;
  readonly tableName: string;

  constructor(scope: Construct, id: string, props: MarketTableProps = {}) {
    super(scope, id);
    const deletionProtection = props.deletionProtection ?? true;
    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

    const table = new TableV2(this, "Table", {
      ...(props.tableName ? { tableName: props.tableName } : {}),
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // Every change, both images: the derived-data consumer's input (stacks/Schedules.ts).
      dynamoStream: StreamViewType[tableDefinition.streamView],
      globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      deletionProtection,
      // A protected table must also survive a stack deletion or a replacement.
      removalPolicy: deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.table = table;
    this.tableName = table.tableName;
  }
}
