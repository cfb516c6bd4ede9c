import { Logger } from "@aws-lambda-powertools/logger";
import { processLogLevel } from "@market/core/config";

/** The one structured JSON logger of the API and its tasks. */
export const logger = new Logger({
  serviceName: "credits-market",
  logLevel: processLogLevel,
});
