import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The one DynamoDB table, described once. The CDK construct in `infra/` and the
 * DynamoDB Local launcher in `scripts/` both build the table from this, so the
 * keys and indexes that tests run against are the ones that get deployed.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Generic GSIs; entities name them after their access pattern (see docs/data-model.md). */
  globalIndexes: [
    { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    { indexName: "gsi4", partitionKey: "gsi4pk", sortKey: "gsi4sk" },
    { indexName: "gsi5", partitionKey: "gsi5pk", sortKey: "gsi5sk" },
    { indexName: "gsi6", partitionKey: "gsi6pk", sortKey: "gsi6sk" },
    { indexName: "gsi7", partitionKey: "gsi7pk", sortKey: "gsi7sk" },
  ],
  timeToLiveAttribute: "ttl",
  /** Change records with both images feed the derived-data consumer (src/derived). */
  streamView: "NEW_AND_OLD_IMAGES",
} as const;

export type GlobalIndexName = (typeof tableDefinition.globalIndexes)[number]["indexName"];

/** The CreateTable request for this definition (on-demand billing, every GSI projecting all). */
export function createTableInput(
  tableName: string,
  /** Without the stream: a test table whose derived numbers nobody reads (DynamoDB Local's stream costs it). */
  options: { stream?: boolean } = {},
): CreateTableCommandInput {
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    ...(options.stream === false
      ? {}
      : {
          StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView },
        }),
    AttributeDefinitions: keyAttributes.map((name) => ({
      AttributeName: name,
      AttributeType: "S",
    })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}
