import { getFormatter, getTranslations } from "next-intl/server";
import { PageSection } from "@/components/ui/page-section";
import { type AgreementHistoryField, changedAgreementFields } from "@/lib/agreements/rules";
import { auditActionLabels, isAuditAction } from "@/lib/audit-action-labels";
import type { AppLocale } from "@/lib/i18n/routing";

type HistoryEvent = {
  id: bigint;
  createdAt: Date;
  action: string;
  before: unknown;
  after: unknown;
  actor: { name: string } | null;
};

const asSnapshot = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * An agreement's history of changes, read from the audit trail: one sentence an event, with
 * who did it, when, and which facts changed (named as the form names them).
 */
export async function AgreementHistory({ locale, events }: { locale: AppLocale; events: HistoryEvent[] }) {
  const [t, tl, format] = await Promise.all([
    getTranslations({ locale, namespace: "admin.agreements" }),
    getTranslations({ locale, namespace: "auditActions" }),
    getFormatter({ locale }),
  ]);
  // An event written under a name no service uses any more keeps a plain "changed".
  const label = (action: string) => tl(isAuditAction(action) ? auditActionLabels[action] : "agreement.update");
  const fieldName = (field: AgreementHistoryField) => t(`historyFields.${field}`);
  return (
    <PageSection id="history-title" title={t("historyTitle")}>
      {events.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <ol className="flex flex-col gap-2 border-l-2 border-brand pl-4">
          {events.map((event) => {
            const fields = changedAgreementFields(asSnapshot(event.before), asSnapshot(event.after));
            return (
              <li key={event.id.toString()}>
                {t("historyEntry", {
                  when: format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  action: label(event.action),
                  actor: event.actor?.name ?? t("historyNoActor"),
                })}
                {fields.length > 0 && ` ${t("historyChanged", { fields: format.list(fields.map(fieldName)) })}`}
              </li>
            );
          })}
        </ol>
      )}
    </PageSection>
  );
}
