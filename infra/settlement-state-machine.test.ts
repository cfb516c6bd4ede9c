import { settlementDefinition } from "@market/functions/workflows/settlement/definition";
import { App, Duration, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { describe, expect, it } from "vitest";
import {
  SettlementStateMachine,
  type SettlementStateMachineProps,
  settlementPlaceholders,
} from "./settlement-state-machine";
import { stubFunction } from "./test-functions";

const stateMachineType = "AWS::StepFunctions::StateMachine";

type Props = Omit<SettlementStateMachineProps, "settlePage" | "finishSettlement">;

function synth(props: Props = {}, extra?: (stack: Stack) => Partial<SettlementStateMachineProps>) {
  const stack = new Stack(new App(), "TestStack");
  const task = (id: string) => stubFunction(stack, id);
  const settlePage = task("SettlePage");
  const finishSettlement = task("FinishSettlement");
  new SettlementStateMachine(stack, "Settlement", {
    settlePage,
    finishSettlement,
    ...props,
    ...extra?.(stack),
  });
  const template = Template.fromStack(stack);
  const logicalId = (fn: ReturnType<typeof stubFunction>) =>
    stack.getLogicalId(fn.node.defaultChild as never);
  return {
    template,
    settlePageId: logicalId(settlePage),
    finishSettlementId: logicalId(finishSettlement),
  };
}

/** The one state machine's properties (the template must hold exactly one). */
function stateMachineProperties(template: Template) {
  const resources = Object.values(template.findResources(stateMachineType));
  expect(resources).toHaveLength(1);
  return resources[0]?.Properties as {
    DefinitionString: string;
    DefinitionSubstitutions: Record<string, { "Fn::GetAtt": [string, string] }>;
  };
}

/** `${Name}` → `value(Name)` everywhere in an ASL text, as Step Functions does at deploy time. */
function substitute(asl: string, value: (name: string) => string): unknown {
  return JSON.parse(asl.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => value(name)));
}

/** The deployed definition with each placeholder replaced by the ARN reference it gets. */
function deployedDefinition(template: Template) {
  const { DefinitionString, DefinitionSubstitutions } = stateMachineProperties(template);
  const reference = (name: string) => {
    const target = DefinitionSubstitutions[name]?.["Fn::GetAtt"];
    if (!target) throw new Error(`No substitution for ${name}`);
    return `arn-of:${target.join(".")}`;
  };
  return substitute(DefinitionString, reference) as {
    TimeoutSeconds: number;
    States: Record<string, Record<string, unknown>>;
  };
}

describe("SettlementStateMachine", () => {
  const { template, settlePageId, finishSettlementId } = synth();
  const definition = deployedDefinition(template);
  const states = definition.States;

  it("is a Standard workflow", () => {
    template.hasResourceProperties(stateMachineType, { StateMachineType: "STANDARD" });
  });

  it("fills each placeholder of the ASL with its task function's ARN", () => {
    expect(stateMachineProperties(template).DefinitionSubstitutions).toEqual({
      [settlementPlaceholders.settlePage]: { "Fn::GetAtt": [settlePageId, "Arn"] },
      [settlementPlaceholders.finishSettlement]: { "Fn::GetAtt": [finishSettlementId, "Arn"] },
    });
    expect(states["Settle a page of pending bets"]?.Resource).toBe(`arn-of:${settlePageId}.Arn`);
    expect(states["Mark the settlement done"]?.Resource).toBe(`arn-of:${finishSettlementId}.Arn`);
  });

  it("is the local ASL, apart from the ARNs", () => {
    const local = JSON.stringify(settlementDefinition());
    const sameMarkers = (name: string) =>
      name === settlementPlaceholders.settlePage
        ? `arn-of:${settlePageId}.Arn`
        : `arn-of:${finishSettlementId}.Arn`;
    expect(definition).toEqual(substitute(local, sameMarkers));
  });

  it("loops over pages while bets are pending, then marks the settlement done", () => {
    expect(Object.keys(states).sort()).toEqual(
      [
        "Are bets still pending?",
        "Every bet is settled",
        "Mark the settlement done",
        "Settle a page of pending bets",
        "Settlement failed",
      ].sort(),
    );
    expect(states["Settle a page of pending bets"]).toMatchObject({
      Type: "Task",
      ResultPath: "$.page",
      Next: "Are bets still pending?",
    });
    expect(states["Are bets still pending?"]).toMatchObject({
      Type: "Choice",
      Choices: [
        { Variable: "$.page.more", BooleanEquals: true, Next: "Settle a page of pending bets" },
      ],
      Default: "Mark the settlement done",
    });
    expect(states["Mark the settlement done"]).toMatchObject({
      Type: "Task",
      Next: "Every bet is settled",
    });
    expect(states["Every bet is settled"]?.Type).toBe("Succeed");
  });

  it.each(["Settle a page of pending bets", "Mark the settlement done"])(
    '"%s" retries task failures, timeouts and Lambda service errors with exponential backoff',
    (name) => {
      const retry = states[name]?.Retry as {
        ErrorEquals: string[];
        IntervalSeconds: number;
        MaxAttempts: number;
        BackoffRate: number;
      }[];
      const covered = retry.flatMap((retrier) => retrier.ErrorEquals);
      expect(covered).toEqual(
        expect.arrayContaining([
          "States.TaskFailed",
          "States.Timeout",
          "Lambda.ServiceException",
          "Lambda.TooManyRequestsException",
        ]),
      );
      for (const retrier of retry) {
        expect(retrier.IntervalSeconds).toBeGreaterThanOrEqual(1);
        expect(retrier.BackoffRate).toBeGreaterThan(1);
        expect(retrier.MaxAttempts).toBeGreaterThanOrEqual(3);
        expect(retrier.MaxAttempts).toBeLessThanOrEqual(6);
      }
    },
  );

  it.each(["Settle a page of pending bets", "Mark the settlement done"])(
    '"%s" catches whatever its retries cannot fix into "Settlement failed"',
    (name) => {
      expect(states[name]?.Catch).toEqual([
        { ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Settlement failed" },
      ]);
      expect(states["Settlement failed"]).toMatchObject({
        Type: "Fail",
        Error: "SettlementFailed",
      });
    },
  );

  it("times out after an hour unless told otherwise", () => {
    expect(definition.TimeoutSeconds).toBe(3600);
    const shorter = deployedDefinition(synth({ timeout: Duration.minutes(20) }).template);
    expect(shorter.TimeoutSeconds).toBe(1200);
  });

  it("lets its role invoke the two task functions and nothing else", () => {
    const roles = template.findResources("AWS::IAM::Role", {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: "states.amazonaws.com" } })],
        },
      },
    });
    const [roleId] = Object.keys(roles);
    expect(Object.keys(roles)).toHaveLength(1);
    const policies = Object.values(
      template.findResources("AWS::IAM::Policy", {
        Properties: { Roles: [{ Ref: roleId }] },
      }),
    );
    const statements = policies.flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown[] }[],
    );
    expect(new Set(statements.map((statement) => statement.Action))).toEqual(
      new Set(["lambda:InvokeFunction"]),
    );
    const arn = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });
    const versions = (id: string) => ({ "Fn::Join": ["", [arn(id), ":*"]] });
    expect(statements.flatMap((statement) => statement.Resource)).toEqual(
      expect.arrayContaining([
        arn(settlePageId),
        versions(settlePageId),
        arn(finishSettlementId),
        versions(finishSettlementId),
      ]),
    );
    expect(statements.flatMap((statement) => statement.Resource)).toHaveLength(4);
    expect(roles[roleId as string]?.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it("logs nothing by default, and errors to a given log group", () => {
    expect(stateMachineProperties(template)).not.toHaveProperty("LoggingConfiguration");
    const logged = synth({}, (stack) => ({ logGroup: new LogGroup(stack, "Logs") })).template;
    logged.hasResourceProperties(stateMachineType, {
      LoggingConfiguration: Match.objectLike({ Level: "ERROR", IncludeExecutionData: false }),
    });
  });
});
