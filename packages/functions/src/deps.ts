import { join } from "node:path";
import { type Config, createDb } from "@market/core";
import { loadSigningKeys } from "@market/core/auth/signing-keys";
import { OutboxEmailSender, SesEmailSender } from "@market/core/email";
import type { AppDeps } from "./app";

/**
 * Everything `createApp` needs, from configuration: the table, the token keys
 * (JWT_SECRET, or a generated file under DATA_DIR when running locally) and the
 * email transport.
 */
export async function loadAppDeps(
  config: Config,
  options: { local: boolean },
): Promise<Omit<AppDeps, "webDistDir">> {
  const db = createDb({
    table: config.TABLE_NAME,
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
  });
  const keys = await loadSigningKeys({
    secret: config.JWT_SECRET,
    localDataDir: options.local ? config.DATA_DIR : undefined,
  });
  const email =
    config.EMAIL_TRANSPORT === "ses"
      ? new SesEmailSender(config.EMAIL_FROM)
      : new OutboxEmailSender(join(config.DATA_DIR, "outbox"));
  return { db, config, keys, email };
}
