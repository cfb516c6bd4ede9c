import { createTableInput, tableDefinition } from "@market/core/table";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { MarketTable, type MarketTableProps } from "./table";

const tableType = "AWS::DynamoDB::GlobalTable";

function synth(props?: MarketTableProps): Template {
  const stack = new Stack(new App(), "TestStack");
  new MarketTable(stack, "Market", props);
  return Template.fromStack(stack);
}

/** The one table resource's properties (the template must hold exactly one). */
function tableProperties(template: Template): Record<string, unknown> {
  const resources = Object.values(template.findResources(tableType));
  expect(resources).toHaveLength(1);
  return resources[0]?.Properties;
}

describe("MarketTable", () => {
  const template = synth();

  it("bills on demand", () => {
    template.hasResourceProperties(tableType, { BillingMode: "PAY_PER_REQUEST" });
  });

  it("keeps point-in-time recovery on", () => {
    template.hasResourceProperties(tableType, {
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it("expires items by the TTL attribute of the table definition", () => {
    template.hasResourceProperties(tableType, {
      TimeToLiveSpecification: {
        AttributeName: tableDefinition.timeToLiveAttribute,
        Enabled: true,
      },
    });
  });

  it("keys the table on pk (hash) and sk (range)", () => {
    template.hasResourceProperties(tableType, {
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    });
  });

  it.each(tableDefinition.globalIndexes)(
    "has index $indexName on $partitionKey / $sortKey projecting all attributes",
    (index) => {
      template.hasResourceProperties(tableType, {
        GlobalSecondaryIndexes: Match.arrayWith([
          {
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: "HASH" },
              { AttributeName: index.sortKey, KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ]),
      });
    },
  );

  it("matches the CreateTable request DynamoDB Local gets, key for key", () => {
    const local = createTableInput("local");
    const deployed = tableProperties(template);

    expect(deployed.KeySchema).toEqual(local.KeySchema);
    expect(deployed.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(deployed.AttributeDefinitions).toEqual(
      expect.arrayContaining(local.AttributeDefinitions ?? []),
    );
    expect(deployed.AttributeDefinitions).toHaveLength(local.AttributeDefinitions?.length ?? -1);
    // The same change records feed the consumer in AWS and on DynamoDB Local.
    expect(deployed.StreamSpecification).toEqual({
      StreamViewType: local.StreamSpecification?.StreamViewType,
    });
  });

  it("is protected and retained by default", () => {
    template.hasResource(tableType, {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
      }),
    });
  });

  it.each([
    { deletionProtection: true, enabled: true, policy: "Retain" },
    { deletionProtection: false, enabled: false, policy: "Delete" },
  ])(
    "with deletionProtection $deletionProtection: protection $enabled, removal $policy",
    ({ deletionProtection, enabled, policy }) => {
      synth({ deletionProtection }).hasResource(tableType, {
        DeletionPolicy: policy,
        UpdateReplacePolicy: policy,
        Properties: Match.objectLike({
          Replicas: [Match.objectLike({ DeletionProtectionEnabled: enabled })],
        }),
      });
    },
  );

  it("uses a fixed name only when one is given", () => {
    expect(tableProperties(template).TableName).toBeUndefined();
    synth({ tableName: "market-prod" }).hasResourceProperties(tableType, {
      TableName: "market-prod",
    });
  });
});
