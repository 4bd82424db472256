/**
 * A real SMTP server that accepts every message and writes it as JSON into a folder: the
 * project's mailbox in development and tests (the admin outbox page and the e2e tests read it).
 * Not for production: it accepts mail from anyone on the port, for anyone.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { SinkMessage } from "./outbox-format";

/** Port 0 picks a free port; the one actually listened on is returned. */
export async function startMailSink(options: {
  port: number;
  dir: string;
  host?: string;
}): Promise<{ port: number; close(): Promise<void> }> {
  await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const receivedAt = new Date();
          const message: SinkMessage = {
            id: randomUUID(),
            receivedAt: receivedAt.toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : undefined,
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? "",
              contentType: attachment.contentType,
              size: attachment.content.length,
              sha256: createHash("sha256").update(attachment.content).digest("hex"),
            })),
          };
          const file = `${receivedAt.toISOString().replaceAll(":", "-")}-${message.id}.json`;
          await writeFile(path.join(options.dir, file), JSON.stringify(message, null, 2));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
