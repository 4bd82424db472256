import "server-only";
import type { AmiDecisionMail } from "@/lib/ami/service";
import { notify } from "@/lib/mail/notify";

const template = {
  GRANTED: "amiGranted",
  REFUSED: "amiRefused",
  CHANGES_REQUESTED: "amiChangesRequested",
} as const;

/** Euros as the student reads them in their language ("1 600,00 €", "€1,600.00"). */
export function formatEuros(cents: number, locale: "fr" | "en"): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" }).format(
    cents / 100,
  );
}

/** The e-mail of each decision (issue 19), in the student's language, after the decision is committed. */
export async function sendAmiDecisionMail(mail: AmiDecisionMail, requestId: string): Promise<boolean> {
  return notify(
    mail.to,
    mail.locale,
    template[mail.decision],
    {
      name: mail.name,
      host: mail.host,
      months: String(mail.months),
      amount: mail.amountCents === null ? "" : formatEuros(mail.amountCents, mail.locale),
      message: mail.reason ?? "",
    },
    requestId,
  );
}
