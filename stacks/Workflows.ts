import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Config, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { SessionWorkflow } from "../infra/session-workflow";
import { SettlementStateMachine } from "../infra/settlement-state-machine";
import { Storage } from "./Storage";

/** Deploy-time workflow settings, from the deploying shell (defaults as in config.ts). */
const sessionTimeoutSeconds = Number(process.env.SESSION_TIMEOUT_SECONDS ?? 600);
const modelConcurrency = Number(process.env.MODEL_CONCURRENCY ?? 1);

/** Model provider settings passed to the model task, when set in the deploying shell. */
const modelSettings = [
  "OPENAI_COMPATIBLE_BASE_URL",
  "OPENAI_COMPATIBLE_MODELS",
  "BEDROCK_REGION",
  "BEDROCK_MODELS",
  "MODEL_TIMEOUT_SECONDS",
  "DISABLED_MODELS",
  "MODEL_CREDIT_COST",
] as const;

/**
 * The Step Functions workflows and their task Lambdas: market settlement, and
 * "Predict with AI" sessions with the rule and sweeper that refund failures.
 */
export function Workflows({ stack }: StackContext) {
  const { table } = use(Storage);
  const task = (id: string, handler: string, extra: Record<string, string> = {}) => {
    const fn = new LambdaFunction(stack, id, {
      handler,
      // Within the task's TimeoutSeconds in the ASL, so Lambda reports its own timeout first.
      timeout: "90 seconds",
      environment: { TABLE_NAME: table.tableName, ...extra },
    });
    table.grantReadWriteData(fn);
    return fn;
  };

  const { stateMachine: settlementStateMachine } = new SettlementStateMachine(stack, "Settlement", {
    settlePage: task("SettlePage", "packages/functions/src/handlers/settlement.settlePage"),
    finishSettlement: task("FinishSettlement", "packages/functions/src/handlers/settlement.finish"),
  });

  const models = Object.fromEntries(
    modelSettings.flatMap((name) =>
      process.env[name] ? [[name, process.env[name] as string]] : [],
    ),
  );
  // With a remote endpoint configured, its key is an SST secret
  // (`npx sst secrets set OPENAI_COMPATIBLE_API_KEY <key>`); without one, nothing is bound,
  // so a stage with only the built-in models needs no secret at all.
  const modelApiKey = process.env.OPENAI_COMPATIBLE_BASE_URL
    ? new Config.Secret(stack, "OPENAI_COMPATIBLE_API_KEY")
    : undefined;
  const sessionHandler = (name: string) => `packages/functions/src/handlers/session.${name}`;
  const runModel = task("SessionRunModel", sessionHandler("runModel"), models);
  if (modelApiKey) runModel.bind([modelApiKey]);
  if (process.env.BEDROCK_MODELS) {
    // Bedrock's Converse API on foundation models and this account's inference profiles.
    runModel.addToRolePolicy(
      new PolicyStatement({
        actions: ["bedrock:InvokeModel"],
        resources: [
          `arn:aws:bedrock:*::foundation-model/*`,
          `arn:aws:bedrock:*:${stack.account}:inference-profile/*`,
        ],
      }),
    );
  }
  const sessions = new SessionWorkflow(stack, "Sessions", {
    timeoutSeconds: sessionTimeoutSeconds,
    modelConcurrency,
    tasks: {
      markStep: task("SessionMarkStep", sessionHandler("markStep")),
      research: task("SessionResearch", sessionHandler("research")),
      runModel,
      recordModelFailure: task("SessionRecordModelFailure", sessionHandler("recordModelFailure")),
      finalize: task("SessionFinalize", sessionHandler("finalize")),
      refund: task("SessionRefund", sessionHandler("refund")),
    },
    onExecutionFailed: task("SessionOnExecutionFailed", sessionHandler("onExecutionStatusChange")),
    sweeper: task("SessionSweeper", sessionHandler("sweeper"), {
      SESSION_TIMEOUT_SECONDS: String(sessionTimeoutSeconds),
    }),
  });

  stack.addOutputs({
    SettlementStateMachineArn: settlementStateMachine.stateMachineArn,
    SessionStateMachineArn: sessions.stateMachine.stateMachineArn,
  });
  return {
    settlementStateMachine,
    sessionStateMachine: sessions.stateMachine,
    modelEnvironment: models,
    modelApiKey,
  };
}
