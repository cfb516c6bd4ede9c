import { Duration } from "aws-cdk-lib";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction as LambdaTarget } from "aws-cdk-lib/aws-events-targets";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ILogGroup } from "aws-cdk-lib/aws-logs";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import {
  DefinitionBody,
  type IStateMachine,
  LogLevel,
  StateMachine,
  StateMachineType,
} from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import {
  placeholderOf,
  type SessionDefinitionOptions,
  type SessionTaskName,
  sessionDefinition,
  sessionTasks,
} from "../packages/functions/src/workflows/session/definition";

/** The task functions, one per task of the ASL (`sessionTasks`). */
export type SessionTaskFunctions = Record<SessionTaskName, IFunction>;

export interface SessionWorkflowProps extends SessionDefinitionOptions {
  tasks: SessionTaskFunctions;
  /** Refunds a session whose execution FAILED, TIMED_OUT or was ABORTED. */
  onExecutionFailed: IFunction;
  /** The hourly sweep of sessions stuck past the timeout. */
  sweeper: IFunction;
  /** Where EventBridge puts an event it could not deliver to the refund functions. */
  deadLetterQueue?: IQueue;
  /** Send failed states' history (ERROR level, no execution data) to this log group. */
  logGroup?: ILogGroup;
  /** X-Ray tracing of every execution. @default false */
  tracing?: boolean;
}

/**
 * The "Predict with AI" workflow and every path that gives credits back when it
 * fails: the state machine (its own Catch → refund), a rule on its failed,
 * timed-out and aborted executions, and an hourly sweeper. All three call the
 * same idempotent refund, so together they can only refund once.
 */
export class SessionWorkflow extends Construct {
  readonly stateMachine: IStateMachine;
  readonly failureRule: Rule;
  readonly sweeperRule: Rule;

  constructor(scope: Construct, id: string, props: SessionWorkflowProps) {
    super(scope, id);
    const definition = sessionDefinition(props);
    const stateMachine = new StateMachine(this, "StateMachine", {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(definition, null, 2)),
      definitionSubstitutions: Object.fromEntries(
        sessionTasks.map((task) => [placeholderOf(task), props.tasks[task].functionArn]),
      ),
      tracingEnabled: props.tracing ?? false,
      ...(props.logGroup
        ? {
            logs: {
              destination: props.logGroup,
              level: LogLevel.ERROR,
              includeExecutionData: false,
            },
          }
        : {}),
    });
    for (const fn of Object.values(props.tasks)) fn.grantInvoke(stateMachine);

    const deadLetters = props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {};
    this.failureRule = new Rule(this, "ExecutionFailed", {
      description: "Refund prediction sessions whose workflow failed, timed out or was aborted",
      eventPattern: {
        source: ["aws.states"],
        detailType: ["Step Functions Execution Status Change"],
        detail: {
          status: ["FAILED", "TIMED_OUT", "ABORTED"],
          stateMachineArn: [stateMachine.stateMachineArn],
        },
      },
      targets: [new LambdaTarget(props.onExecutionFailed, { retryAttempts: 8, ...deadLetters })],
    });
    this.sweeperRule = new Rule(this, "Sweeper", {
      description: "Refund prediction sessions stuck past the workflow timeout",
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaTarget(props.sweeper, { retryAttempts: 2, ...deadLetters })],
    });
    this.stateMachine = stateMachine;
  }
}
