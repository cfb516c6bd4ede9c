// Loaded by ses.ts on the first email only: a dynamic import of the SDK package
// itself would keep all of its commands; this keeps the one it needs.
export { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
