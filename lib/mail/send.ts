import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message (an issued letter), as bytes already in memory. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

let transporter: Transporter | undefined;

function transport(): Transporter {
  const settings = env();
  transporter ??= nodemailer.createTransport({
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_SECURE,
    auth: settings.SMTP_USER ? { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD } : undefined,
    // The development sink speaks plain SMTP on localhost.
    ignoreTLS: settings.SMTP_HOST === "localhost" && !settings.SMTP_SECURE,
  });
  return transporter;
}

/** Sends through the configured SMTP server; rejects if the server refuses the message. */
export async function sendMail(message: MailMessage): Promise<void> {
  await transport().sendMail({ from: env().MAIL_FROM, ...message });
}
