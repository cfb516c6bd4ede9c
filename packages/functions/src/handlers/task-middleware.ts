import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy, { type MiddlewareObj } from "@middy/core";
import { logger } from "../logger";

/**
 * Logs a failed task with its input, then rethrows: the error reaches Step
 * Functions under its name, and the workflow's Retry and Catch decide.
 */
function logTaskError(task: string): MiddlewareObj {
  return {
    onError: ({ event, error }) => {
      logger.error("Workflow task failed", { task, input: event, error });
    },
  };
}

/** A non-HTTP Lambda handler: Lambda context in the logs, errors logged with their input. */
export function taskHandler<T>(task: string, run: (event: unknown) => Promise<T>) {
  return middy()
    .use(injectLambdaContext(logger))
    .use(logTaskError(task))
    .handler((event: unknown) => run(event));
}
