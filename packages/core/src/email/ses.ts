import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { EmailMessage, EmailSender } from "./email";

/**
 * Sends through Amazon SES (the API function holds `ses:SendEmail`). The SES
 * client loads on the first email, not at every cold start of the API.
 */
export class SesEmailSender implements EmailSender {
  private client: SESv2Client | undefined;

  constructor(private readonly from: string) {}

  async send(message: EmailMessage): Promise<void> {
    const { SESv2Client, SendEmailCommand } = await import("./ses-client");
    this.client ??= new SESv2Client({});
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject },
            Body: { Text: { Data: message.text } },
          },
        },
      }),
    );
  }
}
