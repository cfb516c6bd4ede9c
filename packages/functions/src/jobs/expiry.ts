import type { CoreContext } from "@market/core";
import { type ExpiryReport, expireInactiveBalances } from "@market/core/expiry";
import { logger } from "../logger";

/** The daily credit expiry (a no-op unless `CREDIT_EXPIRY_INACTIVE_DAYS` is set). */
export async function runExpiry(core: CoreContext): Promise<ExpiryReport> {
  const report = await expireInactiveBalances(core);
  if (report.enabled) logger.info("credit expiry", { ...report });
  return report;
}
