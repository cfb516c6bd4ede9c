import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { perTask, sessionDefinition } from "../packages/functions/src/workflows/session/definition";
import { SessionWorkflow } from "./session-workflow";
import { stubFunction } from "./test-functions";

const options = { timeoutSeconds: 600, modelConcurrency: 1 };

function synth() {
  const stack = new Stack(new App(), "Test");
  const fn = (id: string) => stubFunction(stack, id);
  new SessionWorkflow(stack, "Sessions", {
    ...options,
    tasks: perTask((task) => fn(task)),
    onExecutionFailed: fn("OnExecutionFailed"),
    sweeper: fn("Sweeper"),
  });
  return Template.fromStack(stack);
}

const template = synth();
const [machine] = Object.values(template.findResources("AWS::StepFunctions::StateMachine")) as {
  Properties: { DefinitionString: string; DefinitionSubstitutions: Record<string, unknown> };
}[];
const deployed = JSON.parse(machine?.Properties.DefinitionString ?? "{}");
type State = {
  Type: string;
  Retry?: { ErrorEquals: string[]; MaxAttempts: number; BackoffRate: number }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  ItemProcessor?: { States: Record<string, State> };
};

describe("SessionWorkflow", () => {
  it("deploys exactly the definition the local engine runs", () => {
    expect(deployed).toEqual(sessionDefinition(options));
    expect(Object.keys(machine?.Properties.DefinitionSubstitutions ?? {}).sort()).toEqual([
      "FinalizeFunctionArn",
      "MarkStepFunctionArn",
      "RecordModelFailureFunctionArn",
      "RefundFunctionArn",
      "ResearchFunctionArn",
      "RunModelFunctionArn",
    ]);
  });

  it("times the session out and runs models one at a time by default", () => {
    expect(deployed.TimeoutSeconds).toBe(600);
    expect(deployed.States["Run each selected model"].MaxConcurrency).toBe(1);
  });

  it("retries a model's transient errors with exponential backoff, three attempts in all", () => {
    const map = deployed.States["Run each selected model"] as State;
    const run = map.ItemProcessor?.States["Run the model"] as State;
    const retry = run.Retry?.find((r) => r.ErrorEquals.includes("TransientModelError"));

    expect(retry).toMatchObject({ MaxAttempts: 2, BackoffRate: 2 });
    expect(run.Catch?.[0]).toMatchObject({
      ErrorEquals: ["States.ALL"],
      Next: "Record the model as failed",
    });
  });

  it("catches every failure of every top-level task into the refund", () => {
    const states = Object.entries(deployed.States as Record<string, State>).filter(
      ([name, state]) =>
        (state.Type === "Task" || state.Type === "Map") && name !== "Refund the credits",
    );

    expect(states.length).toBeGreaterThanOrEqual(5);
    for (const [, state] of states) {
      expect(state.Catch).toContainEqual(
        expect.objectContaining({ ErrorEquals: ["States.ALL"], Next: "Refund the credits" }),
      );
    }
  });

  it("refunds on FAILED, TIMED_OUT and ABORTED executions of this state machine", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.states"],
        "detail-type": ["Step Functions Execution Status Change"],
        detail: {
          status: ["FAILED", "TIMED_OUT", "ABORTED"],
          stateMachineArn: [Match.objectLike({ Ref: Match.anyValue() })],
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [Match.stringLikeRegexp("OnExecutionFailed"), "Arn"] },
        }),
      ],
    });
  });

  it("sweeps stuck sessions hourly", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 hour)",
      Targets: [
        Match.objectLike({ Arn: { "Fn::GetAtt": [Match.stringLikeRegexp("Sweeper"), "Arn"] } }),
      ],
    });
  });

  it("lets the state machine invoke its six task functions and nothing else", () => {
    const policies = template.findResources("AWS::IAM::Policy");
    const statements = Object.values(policies).flatMap(
      (policy) =>
        (
          policy as {
            Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const invoked = JSON.stringify(statements.map((statement) => statement.Resource));

    expect(statements.every((statement) => statement.Action === "lambda:InvokeFunction")).toBe(
      true,
    );
    for (const task of [
      "MarkStep",
      "Research",
      "RunModel",
      "RecordModelFailure",
      "Finalize",
      "Refund",
    ]) {
      expect(invoked).toContain(task);
    }
    expect(invoked).not.toContain("Sweeper");
    expect(invoked).not.toContain("OnExecutionFailed");
  });
});
