import { join } from "node:path";
import type { Config } from "../config";
import type { EmailSender } from "./email";
import { OutboxEmailSender } from "./outbox";
import { SesEmailSender } from "./ses";

/**
 * The sender `EMAIL_TRANSPORT` names: SES from `EMAIL_FROM`, or the outbox
 * folder under `DATA_DIR`. The API and the stream consumer build theirs here.
 */
export function emailSenderFor(
  config: Pick<Config, "EMAIL_TRANSPORT" | "EMAIL_FROM" | "DATA_DIR">,
): EmailSender {
  return config.EMAIL_TRANSPORT === "ses"
    ? new SesEmailSender(config.EMAIL_FROM)
    : new OutboxEmailSender(join(config.DATA_DIR, "outbox"));
}
