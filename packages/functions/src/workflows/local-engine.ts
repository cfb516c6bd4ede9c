import { randomUUID } from "node:crypto";
import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";

export {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  type StateMachineDefinition,
} from "aws-local-stepfunctions";

/**
 * Runs a workflow's ASL in-process with `aws-local-stepfunctions`: the same
 * definition Step Functions runs in AWS, with each Lambda task answered by a
 * local function instead.
 *
 * Convention for the ASL files: a task names its Lambda directly in `Resource`
 * as a placeholder, `"Resource": "${SettlePageFunctionArn}"`. In AWS the CDK
 * construct fills the placeholder through `definitionSubstitutions`; here it
 * becomes a fake ARN and the task gets the handler given under the same name.
 */

type Json = Parameters<StateMachine["run"]>[0];

/** One entry of the execution's event log (state entered, retried, caught, ...). */
export type WorkflowEvent =
  ReturnType<StateMachine["run"]>["eventLogs"] extends AsyncGenerator<infer Event> ? Event : never;

/** The local stand-in of one Lambda: JSON in, JSON out; a throw is a task failure named `error.name`. */
export type LocalTaskHandler = (input: unknown) => Promise<unknown>;

export interface RunWorkflowOptions {
  /** The parsed ASL, placeholders and all (it is not modified). */
  definition: StateMachineDefinition;
  /** A handler for every task placeholder, keyed by its name: `{ SettlePageFunctionArn: fn }`. */
  resources: Record<string, LocalTaskHandler>;
  /** The execution input. */
  input: unknown;
  /** Shown as `$$.Execution.Name`; a random one by default. */
  executionName?: string | undefined;
  /**
   * Retry without waiting the definition's intervals (`true`: at once; a number:
   * that many ms per retry). The number of attempts still follows the ASL.
   */
  overrideRetryIntervals?: boolean | number | undefined;
  /** Sees every event of the execution's log, as the console's execution history shows them. */
  onEvent?: ((event: WorkflowEvent) => void) | undefined;
}

export interface LocalExecution {
  executionName: string;
  /**
   * The workflow's output. Rejects with `ExecutionError` when it fails (a `Fail`
   * state or an uncaught error), `ExecutionTimeoutError` past `TimeoutSeconds`
   * and `ExecutionAbortedError` after `abort()`.
   */
  result: Promise<unknown>;
  /**
   * Stops the execution before its next state, as StopExecution would. A task
   * already running finishes in the background; its result is dropped.
   */
  abort: () => void;
}

const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/;

/** Starts one execution of `definition`; the returned `result` settles when it ends. */
export function runWorkflowLocally(options: RunWorkflowOptions): LocalExecution {
  const definition = structuredClone(options.definition);
  const executionName = options.executionName ?? `local-${randomUUID()}`;
  const taskHandlers: Record<string, (input: Json) => Promise<Json>> = {};
  const retryIntervals: Record<string, number> = {};
  const used = new Set<string>();

  for (const [stateName, state] of allStates(definition)) {
    if (state.Type === "Task") {
      const name = placeholder.exec(state.Resource)?.[1];
      if (name) {
        const handler = options.resources[name];
        if (!handler) throw new Error(`No local handler for ${name} (task "${stateName}")`);
        used.add(name);
        state.Resource = fakeLambdaArn(name);
        taskHandlers[stateName] = async (input) => roundTrip(await handler(roundTrip(input)));
      }
    }
    if (options.overrideRetryIntervals !== undefined && options.overrideRetryIntervals !== false) {
      if ("Retry" in state && state.Retry) {
        retryIntervals[stateName] =
          options.overrideRetryIntervals === true ? 0 : options.overrideRetryIntervals;
      }
    }
  }
  const unused = Object.keys(options.resources).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`No task of the workflow uses ${unused.join(", ")}`);

  const run = new StateMachine(definition).run(roundTrip(options.input), {
    overrides: { taskResourceLocalHandlers: taskHandlers, retryIntervalOverrides: retryIntervals },
    context: {
      Execution: {
        Id: `arn:aws:states:us-east-1:000000000000:execution:local:${executionName}`,
        Name: executionName,
      },
    },
  });
  // The log buffers until read; reading it always keeps a long run's memory flat.
  void follow(run.eventLogs, options.onEvent);
  return { executionName, result: run.result, abort: run.abort };
}

/** A well-formed Lambda ARN in a fake account, e.g. `...:function:SettlePage`. */
export function fakeLambdaArn(placeholderName: string): string {
  const functionName = placeholderName.replace(/(Function)?Arn$/, "") || placeholderName;
  return `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`;
}

type AnyState = StateMachineDefinition["States"][string];

/** Every state, including those inside `Parallel` branches and `Map` processors. */
function* allStates(definition: {
  States: StateMachineDefinition["States"];
}): Generator<[string, AnyState]> {
  for (const [name, state] of Object.entries(definition.States)) {
    yield [name, state];
    if (state.Type === "Parallel") {
      for (const branch of state.Branches) yield* allStates(branch);
    }
    if (state.Type === "Map") {
      const processor = "ItemProcessor" in state ? state.ItemProcessor : state.Iterator;
      if (processor) yield* allStates(processor);
    }
  }
}

/** What a Lambda would receive or return: JSON, so dates become strings and `undefined` goes. */
function roundTrip(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

async function follow(
  events: AsyncGenerator<WorkflowEvent>,
  onEvent: ((event: WorkflowEvent) => void) | undefined,
): Promise<void> {
  try {
    for await (const event of events) onEvent?.(event);
  } catch {
    // The execution's own `result` reports its failures.
  }
}
