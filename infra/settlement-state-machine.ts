import type { Duration } from "aws-cdk-lib";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ILogGroup } from "aws-cdk-lib/aws-logs";
import {
  DefinitionBody,
  type IStateMachine,
  LogLevel,
  StateMachine,
  StateMachineType,
} from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
// A plain JSON import (no import attributes): SST's esbuild bundles it into the app.
import settlementAsl from "../packages/functions/src/workflows/settlement/settlement.asl.json";

/** Options of {@link SettlementStateMachine}. */
export interface SettlementStateMachineProps {
  /** Runs "Settle a page of pending bets" (`handlers/settlement.settlePage`). */
  settlePage: IFunction;
  /** Runs "Mark the settlement done" (`handlers/settlement.finish`). */
  finishSettlement: IFunction;
  /**
   * Longest a whole settlement may run. By default the `TimeoutSeconds` of the
   * ASL (one hour), which is also what local runs use.
   */
  timeout?: Duration;
  /** Send the execution history to this log group (errors only unless `logLevel` says more). */
  logGroup?: ILogGroup;
  /** @default LogLevel.ERROR */
  logLevel?: LogLevel;
  /** X-Ray tracing of every execution. @default false */
  tracing?: boolean;
}

/** The ASL's placeholders, each filled with a function's ARN at deploy time. */
export const settlementPlaceholders = {
  settlePage: "SettlePageFunctionArn",
  finishSettlement: "FinishSettlementFunctionArn",
} as const;

/**
 * The market settlement workflow (Standard): the state machine built from
 * `packages/functions/src/workflows/settlement/settlement.asl.json`, the same file the
 * local engine runs, with the two task functions' ARNs substituted in. Its role
 * may invoke those two functions and nothing else (plus log delivery when
 * logging is on).
 */
export class SettlementStateMachine extends Construct {
  readonly stateMachine: IStateMachine;

  constructor(scope: Construct, id: string, props: SettlementStateMachineProps) {
    super(scope, id);
    const definition: Record<string, unknown> = structuredClone(settlementAsl);
    // CDK ignores `timeout` for a definition given as a string; the ASL holds it.
    if (props.timeout) definition.TimeoutSeconds = props.timeout.toSeconds();

    const stateMachine = new StateMachine(this, "StateMachine", {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(definition, null, 2)),
      definitionSubstitutions: {
        [settlementPlaceholders.settlePage]: props.settlePage.functionArn,
        [settlementPlaceholders.finishSettlement]: props.finishSettlement.functionArn,
      },
      tracingEnabled: props.tracing ?? false,
      ...(props.logGroup
        ? {
            logs: {
              destination: props.logGroup,
              level: props.logLevel ?? LogLevel.ERROR,
              includeExecutionData: false,
            },
          }
        : {}),
    });
    props.settlePage.grantInvoke(stateMachine);
    props.finishSettlement.grantInvoke(stateMachine);
    this.stateMachine = stateMachine;
  }
}
