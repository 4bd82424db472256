import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { readOutbox } from "@/lib/mail/outbox";
import { sendMail } from "@/lib/mail/send";
import { uniqueEmail } from "./helpers";

describe("mail through SMTP", () => {
  it("reaches the project's SMTP sink, with UTF-8 subject and body intact", async () => {
    const to = uniqueEmail("mail");
    await sendMail({
      to,
      subject: "Décision sur votre dossier — Aix-Marseille",
      text: "Bonjour Zoé,\nvotre dossier est accepté.",
    });
    const messages = await readOutbox(env().MAIL_SINK_DIR!);
    const received = messages.find((message) => message.to.includes(to));
    expect(received).toMatchObject({ subject: "Décision sur votre dossier — Aix-Marseille" });
    expect(received!.text).toContain("Bonjour Zoé,\nvotre dossier est accepté.");
    expect(received!.from).toContain("@");
  });
});
