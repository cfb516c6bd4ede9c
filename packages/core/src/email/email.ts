/** An email to send. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The email port: SES in AWS, a local outbox folder otherwise. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}
