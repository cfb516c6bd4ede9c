import { Logger } from "@aws-lambda-powertools/logger";

type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";
const levels = new Set<string>(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]);
const configured = process.env.LOG_LEVEL?.toUpperCase() ?? "INFO";

/** The one structured JSON logger of the API and its tasks. */
export const logger = new Logger({
  serviceName: "credits-market",
  logLevel: (levels.has(configured) ? configured : "INFO") as LogLevel,
});
