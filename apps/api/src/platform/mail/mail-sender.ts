// Sends one e-mail through the configured SMTP server (nodemailer). The URL carries the account and
// the mode: smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from the start.
import { createTransport } from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Milliseconds an unresponsive server may take before the attempt counts as failed (retried later). */
const TIMEOUT_MS = 20_000;

export function createSmtpSender(config: { smtpUrl: string; from: string }): MailSender {
  const transport = createTransport(
    {
      url: config.smtpUrl,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    },
    { from: config.from },
  );
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close() {
      transport.close();
    },
  };
}
