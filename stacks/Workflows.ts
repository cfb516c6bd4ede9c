import { Duration } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Config, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { appMetricNames, Operations } from "../infra/operations";
import { SessionWorkflow } from "../infra/session-workflow";
import { SettlementStateMachine } from "../infra/settlement-state-machine";
import { perTask, taskKeyOf } from "../packages/functions/src/workflows/session/definition";
import settlementAsl from "../packages/functions/src/workflows/settlement/settlement.asl.json";
import { Monitoring } from "./Monitoring";
import { Storage } from "./Storage";
import { useStage } from "./stage";

/**
 * The ARNs `bedrock:InvokeModel` needs for the stage's `BEDROCK_MODELS`
 * (`id=model-id,...`) in `BEDROCK_REGION` (default: the stage's region): a
 * foundation model's ARN, or an inference profile's (an id with a geography
 * prefix, `us.anthropic...`), which also needs the foundation model it routes
 * to in each region of its geography.
 */
export function bedrockModelArns(
  models: { BEDROCK_MODELS?: string; BEDROCK_REGION?: string },
  stageRegion: string,
  account: string,
): string[] {
  const region = models.BEDROCK_REGION ?? stageRegion;
  const modelIds = (models.BEDROCK_MODELS ?? "")
    .split(",")
    .map((pair) => pair.split("=")[1]?.trim())
    .filter((id): id is string => Boolean(id));
  return modelIds.flatMap((id) => {
    if (id.startsWith("arn:")) return [id];
    const profile = /^(us|eu|apac|global)\.(.+)$/.exec(id);
    if (!profile) return [`arn:aws:bedrock:${region}::foundation-model/${id}`];
    // A cross-region profile sends the call to any region of its geography.
    return [
      `arn:aws:bedrock:${region}:${account}:inference-profile/${id}`,
      `arn:aws:bedrock:*::foundation-model/${profile[2]}`,
    ];
  });
}

/** Lambda gives up this long before the state's own TimeoutSeconds, so its error reaches the Retry first. */
const timeoutMargin = 10;

/** A settlement state's TimeoutSeconds in the ASL, minus the margin. */
function settlementTaskTimeout(state: keyof typeof settlementAsl.States): number {
  const seconds = (settlementAsl.States[state] as { TimeoutSeconds?: number }).TimeoutSeconds;
  if (!seconds) throw new Error(`settlement state "${state}" has no TimeoutSeconds`);
  return Math.min(90, seconds - timeoutMargin);
}

/**
 * The Step Functions workflows and their task Lambdas: market settlement, and
 * "Predict with AI" sessions with the rule and sweeper that refund failures.
 */
export function Workflows({ app, stack }: StackContext) {
  const { table } = use(Storage);
  const { topic, failedRuns, deadLetters } = use(Monitoring);
  const { config, settings, logRetention, removalPolicy } = useStage(app);
  const alarms = new Operations(stack, "WorkflowAlarms", { topic });

  const task = (
    id: string,
    handler: string,
    options: { timeoutSeconds?: number; readOnly?: boolean } = {},
  ) => {
    const fn = new LambdaFunction(stack, id, {
      handler,
      // Below the task's TimeoutSeconds in the ASL (where it has one), so Lambda reports its own timeout first.
      timeout: options.timeoutSeconds ?? 90,
      environment: { TABLE_NAME: table.tableName },
    });
    if (options.readOnly) table.grantReadData(fn);
    else table.grantReadWriteData(fn);
    alarms.watchFunction(id, fn);
    return fn;
  };
  /** Invoked asynchronously by EventBridge: a run that fails for good lands in FailedRuns. */
  const eventTask = (id: string, handler: string, retryAttempts: number) => {
    const fn = task(id, handler);
    fn.configureAsyncInvoke({
      onFailure: new SqsDestination(failedRuns),
      retryAttempts,
      maxEventAge: Duration.hours(1),
    });
    return fn;
  };

  const workflowLogs = (id: string, name: string) =>
    new LogGroup(stack, id, {
      // Step Functions log groups must live under /aws/vendedlogs/ (resource policy size limits).
      logGroupName: `/aws/vendedlogs/states/${app.stage}-${app.name}-${name}`,
      retention: logRetention,
      removalPolicy,
    });

  const { stateMachine: settlementStateMachine } = new SettlementStateMachine(stack, "Settlement", {
    settlePage: task("SettlePage", "packages/functions/src/handlers/settlement.settlePage", {
      timeoutSeconds: settlementTaskTimeout("Settle a page of pending bets"),
    }),
    finishSettlement: task(
      "FinishSettlement",
      "packages/functions/src/handlers/settlement.finish",
      { timeoutSeconds: settlementTaskTimeout("Mark the settlement done") },
    ),
    logGroup: workflowLogs("SettlementLogs", "settlement"),
    tracing: true,
  });

  // With a remote endpoint configured, its key is an SST secret
  // (`npx sst secrets set OPENAI_COMPATIBLE_API_KEY <key>`); without one, nothing is bound,
  // so a stage with only the built-in models needs no secret at all.
  const modelApiKey = settings.models.OPENAI_COMPATIBLE_MODELS
    ? new Config.Secret(stack, "OPENAI_COMPATIBLE_API_KEY")
    : undefined;
  const sessionHandler = (name: string) => `packages/functions/src/handlers/session.${name}`;
  const runModel = task("SessionRunModel", sessionHandler(taskKeyOf("RunModel")));
  if (modelApiKey) runModel.bind([modelApiKey]);
  const bedrock = bedrockModelArns(settings.models, stack.region, stack.account);
  if (bedrock.length > 0) {
    // Bedrock's Converse API on the configured models only, in their region.
    runModel.addToRolePolicy(
      new PolicyStatement({ actions: ["bedrock:InvokeModel"], resources: bedrock }),
    );
  }
  const onExecutionFailed = eventTask(
    "SessionOnExecutionFailed",
    sessionHandler("onExecutionStatusChange"),
    2,
  );
  const sweeper = eventTask("SessionSweeper", sessionHandler("sweeper"), 2);
  // One function per task of the ASL (`sessionTasks`); the model runner is made above.
  const sessionTaskFunctions = perTask((name) =>
    name === "RunModel"
      ? runModel
      : task(`Session${name}`, sessionHandler(taskKeyOf(name)), { readOnly: name === "Research" }),
  );
  const sessions = new SessionWorkflow(stack, "Sessions", {
    timeoutSeconds: config.SESSION_TIMEOUT_SECONDS,
    modelConcurrency: config.MODEL_CONCURRENCY,
    tasks: sessionTaskFunctions,
    onExecutionFailed,
    sweeper,
    deadLetterQueue: deadLetters(stack),
    logGroup: workflowLogs("SessionLogs", "sessions"),
    tracing: true,
  });

  alarms.watchSettlement(settlementStateMachine);
  alarms.watchStateMachine("Settlement", settlementStateMachine);
  // Sessions fail on purpose when every model failed (credits refunded): alarm on a burst only.
  alarms.watchStateMachine("Sessions", sessions.stateMachine, 10);
  alarms.watchRefunds([sessionTaskFunctions.Refund, onExecutionFailed, sweeper]);
  alarms.watchAppMetric(
    "SessionsStuck",
    appMetricNames.sessionsStuck,
    "The sweeper found sessions stuck past the workflow timeout (it refunded them).",
    Duration.hours(1),
  );

  stack.addOutputs({
    SettlementStateMachineArn: settlementStateMachine.stateMachineArn,
    SessionStateMachineArn: sessions.stateMachine.stateMachineArn,
  });
  return {
    settlementStateMachine,
    sessionStateMachine: sessions.stateMachine,
    modelApiKey,
  };
}
