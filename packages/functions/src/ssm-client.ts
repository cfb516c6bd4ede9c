// Loaded by secrets.ts on first use only: a dynamic import of the SDK package
// itself would keep all of its commands; this keeps the two it needs.
export { GetParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
