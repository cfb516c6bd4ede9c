import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { MarketSchedules } from "./schedules";
import { stubFunction } from "./test-functions";

function synth() {
  const stack = new Stack(new App(), "Test");
  const fn = (id: string) => stubFunction(stack, id);
  new MarketSchedules(stack, "Schedules", {
    jobs: {
      marketSync: fn("MarketSyncFn"),
      resolutionPoll: fn("ResolutionPollFn"),
      oddsRefresh: fn("OddsRefreshFn"),
      ranking: fn("RankingFn"),
      reconcile: fn("ReconcileFn"),
      expiry: fn("ExpiryFn"),
    },
  });
  return Template.fromStack(stack);
}

describe("MarketSchedules", () => {
  const template = synth();

  it.each([
    ["rate(5 minutes)", "MarketSyncFn"],
    ["rate(1 minute)", "ResolutionPollFn"],
    ["rate(1 minute)", "OddsRefreshFn"],
    ["rate(15 minutes)", "RankingFn"],
    ["rate(1 day)", "ReconcileFn"],
    ["rate(1 day)", "ExpiryFn"],
  ])("runs on %s the %s job", (expression, functionId) => {
    const rules = Object.values(
      template.findResources("AWS::Events::Rule", {
        Properties: { ScheduleExpression: expression, State: "ENABLED" },
      }),
    ) as { Properties: { Targets: { Arn: unknown }[] } }[];
    const targeting = rules.filter((rule) =>
      JSON.stringify(rule.Properties.Targets[0]?.Arn).includes(`"${functionId}`),
    );

    expect(targeting).toHaveLength(1);
  });

  it("lets EventBridge invoke each function and nothing else", () => {
    template.resourceCountIs("AWS::Lambda::Permission", 6);
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
      SourceArn: Match.anyValue(),
    });
  });
});
