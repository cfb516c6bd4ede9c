import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { EmailMessage, EmailSender } from "./email";

/** Sends through Amazon SES (the API function holds `ses:SendEmail`). */
export class SesEmailSender implements EmailSender {
  private readonly client = new SESv2Client({});

  constructor(private readonly from: string) {}

  async send(message: EmailMessage): Promise<void> {
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
