// Loaded by the starters (workflows/*/aws.ts) on the first StartExecution only:
// most API cold starts start no workflow, so they never load the client.
export { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
