export type { EmailMessage, EmailSender } from "./email";
export { OutboxEmailSender, type StoredEmail } from "./outbox";
export { SesEmailSender } from "./ses";
export { emailSenderFor } from "./transport";
