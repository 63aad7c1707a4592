import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What a mailer needs of the process logger. */
export interface MailLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Hands mail over for delivery. `deliver` never throws and never waits for the mail server: what
 * a request answers must not depend on whether, or how fast, a mail went out (a password reset
 * answers the same whether or not the account exists). Failures are logged.
 */
export interface Mailer {
  deliver(message: MailMessage): void;
  /** Waits for mail still being handed over, then lets go of the connection. */
  close(): Promise<void>;
}

/** Sends through the SMTP server of `SMTP_URL` (`smtp://` with STARTTLS when offered, `smtps://` for TLS). */
export function smtpMailer(options: { url: string; from: string; logger: MailLogger }): Mailer {
  const transport = nodemailer.createTransport(
    { url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: options.from },
  );
  const pending = new Set<Promise<void>>();
  return {
    deliver(message) {
      const delivery = transport
        .sendMail(message)
        .then(
          (info) => options.logger.info({ to: message.to, messageId: info.messageId }, 'mail sent'),
          (error: unknown) =>
            options.logger.error({ err: error, to: message.to, subject: message.subject }, 'mail not sent'),
        )
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async close() {
      await Promise.all(pending);
      transport.close();
    },
  };
}

/**
 * Without an SMTP server, mail is written to the server log at info level, link and all, so a
 * developer or a self-hosting admin can still pass a reset link on. The README says so.
 */
export function logMailer(logger: MailLogger): Mailer {
  return {
    deliver(message) {
      logger.info(
        { mail: { to: message.to, subject: message.subject, text: message.text } },
        'SMTP_URL is not set: this mail was written to the log instead of being sent',
      );
    },
    close: async () => undefined,
  };
}
