import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { NoteList } from "@/components/applications/note-list";
import { DocumentList } from "@/components/documents/document-list";
import { InsuranceReview } from "@/components/housing/insurance/review";
import { PageHeader } from "@/components/layout/page-header";
import { CertificateRequests } from "@/components/letters/certificate-requests";
import { LetterList } from "@/components/letters/letter-list";
import { ReissueLetterForm } from "@/components/letters/reissue-form";
import { CommentForm } from "@/components/review/comment-form";
import { DecisionForm } from "@/components/review/decision-form";
import { PageSection } from "@/components/ui/page-section";
import { getDossierForStaff } from "@/lib/applications/queries";
import { canTransition, type ReviewDecision } from "@/lib/applications/rules";
import { applicationSteps } from "@/lib/applications/schemas";
import { auditActionLabels, isAuditAction } from "@/lib/audit-action-labels";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { studentFullName } from "@/lib/student-name";

type Props = { params: Promise<{ locale: string; id: string }> };

const decisions: ReviewDecision[] = ["startReview", "requestChanges", "accept", "reject"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "review" });
  return { title: t("title") };
}

/** One dossier for its reviewers; another component's dossier is "not found", like a wrong id. */
export default async function ReviewDossierPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], `/review/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const dossier = await getDossierForStaff(viewer, id);
  if (!dossier) notFound();
  const [t, tr, te, ta, tl, format] = await Promise.all([
    getTranslations({ locale, namespace: "review.dossier" }),
    getTranslations({ locale, namespace: "review" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "apply.steps" }),
    getTranslations({ locale, namespace: "auditActions" }),
    getFormatter({ locale }),
  ]);
  const tLetters = await getTranslations({ locale, namespace: "letters" });
  const { application, notes, history, seats, warnings } = dossier;
  const name = studentFullName(application, (reference) => tr("anonymisedStudent", { reference }));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const country = new Intl.DisplayNames([locale], { type: "region" });
  const possible = decisions.filter((decision) => canTransition(application.status, decision));
  const warningList = [
    warnings.ownerless ? t("ownerless") : null,
    warnings.french ? t("frenchWarning") : null,
    warnings.english ? t("englishNote") : null,
    warnings.noAgreement ? t("noAgreement", { reason: t(`agreementReason.${warnings.noAgreement}`) }) : null,
    warnings.ects ? t("ectsMismatch", warnings.ects) : null,
    // R-ELI-2: allowed (some partners nominate late), but the reviewer should know.
    application.nominationId ? null : t("noNomination"),
  ].filter((warning): warning is string => warning !== null);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title", { name })} back={{ href: "/review", label: t("back") }}>
        <p>
          <span className="font-medium">{t("status")}</span>{" "}
          <strong data-testid="application-status">{te(`applicationStatus.${application.status}`)}</strong>
        </p>
        <p className="text-sm text-slate-700">
          {t("account", { name: application.student.name, email: application.student.email })}
        </p>
      </PageHeader>

      <PageSection id="warnings-title" title={t("warningsTitle")} className="flex flex-col gap-2">
        {warningList.length === 0 ? (
          <p>{t("noWarning")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {warningList.map((warning) => (
              <li key={warning} className="rounded border border-amber-400 bg-amber-50 p-3">
                {warning}
              </li>
            ))}
          </ul>
        )}
        <h3 className="text-lg font-semibold">{t("seatsTitle")}</h3>
        {seats ? (
          <p className={seats.over ? "rounded border border-amber-400 bg-amber-50 p-3" : ""}>
            {t("seats", { used: seats.used, limit: seats.limit })} {seats.over && t("seatsOver")}
          </p>
        ) : (
          <p>{t("noSeats")}</p>
        )}
      </PageSection>

      <PageSection id="decision-title" title={t("decisionsTitle")} className="flex flex-col gap-4">
        {possible.length === 0 ? (
          <p>{t("noDecision")}</p>
        ) : (
          possible.map((decision) => (
            <DecisionForm
              key={decision}
              decision={decision}
              applicationId={application.id}
              expectedStatus={application.status}
            />
          ))
        )}
      </PageSection>

      <PageSection id="student-title" title={t("studentTitle")} className="flex flex-col gap-4">
        <dl className="grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[12rem_1fr]">
          {(
            [
              [
                t("field.dateOfBirth"),
                application.dateOfBirth
                  ? format.dateTime(application.dateOfBirth, { dateStyle: "long", timeZone: "UTC" })
                  : "—",
              ],
              [
                t("field.nationality"),
                application.nationality ? (country.of(application.nationality) ?? application.nationality) : "—",
              ],
              [t("field.contactEmail"), application.contactEmail ?? "—"],
              [t("field.phone"), application.phone ?? "—"],
              [
                t("field.address"),
                [
                  application.addressLine,
                  [application.postalCode, application.city].filter(Boolean).join(" "),
                  application.country ? country.of(application.country) : null,
                ]
                  .filter(Boolean)
                  .join(", ") || "—",
              ],
              [
                t("field.coordinator"),
                [application.homeCoordinatorName, application.homeCoordinatorEmail].filter(Boolean).join(", ") || "—",
              ],
              [
                t("field.nomination"),
                [
                  application.nominatedBy,
                  application.nominatedOn
                    ? format.dateTime(application.nominatedOn, { dateStyle: "long", timeZone: "UTC" })
                    : null,
                ]
                  .filter(Boolean)
                  .join(", ") || "—",
              ],
              [t("field.housingNeeds"), application.housingNeeds ?? "—"],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <ApplicationSummary application={application} locale={locale} />
      </PageSection>

      <PageSection id="documents-title" title={t("documentsTitle")}>
        <DocumentList applicationId={application.id} viewer={viewer} />
      </PageSection>

      {application.status === "ACCEPTED" && (
        <PageSection id="letters-title" title={tLetters("title")}>
          <LetterList applicationId={application.id} viewer={viewer} />
          <h3 className="text-lg font-semibold">{tLetters("reissue.title")}</h3>
          <ReissueLetterForm applicationId={application.id} defaultLocale={locale} />
          <CertificateRequests applicationId={application.id} viewer={viewer} locale={locale} />
        </PageSection>
      )}

      {application.status === "ACCEPTED" && <InsuranceReview applicationId={application.id} viewer={viewer} />}

      <PageSection id="notes-title" title={t("notesTitle")}>
        <NoteList
          empty={t("noNotes")}
          notes={notes.map((note) => ({
            id: note.id,
            heading: `${note.kind === "INTERNAL_COMMENT" ? t("internal") : t("toStudent")} · ${note.author.name} · ${when(note.createdAt)}`,
            body: note.body,
            internal: note.kind === "INTERNAL_COMMENT",
          }))}
        />
        <h3 className="text-lg font-semibold">{t("commentTitle")}</h3>
        <CommentForm applicationId={application.id} />
      </PageSection>

      <PageSection id="history-title" title={t("historyTitle")}>
        <ol className="flex flex-col gap-1 border-l-2 border-brand pl-4">
          {history.map((event) => (
            <li key={event.id.toString()}>
              {historyLabel(event.action)} · {event.actor?.name ?? "—"} · {when(event.createdAt)}
            </li>
          ))}
        </ol>
      </PageSection>
    </div>
  );

  function historyLabel(action: string): string {
    // An event written under a name no service uses any more keeps the label it always had.
    if (!isAuditAction(action)) return tl("document.change");
    const step = applicationSteps.find((saved) => action === `application.save.${saved}`);
    return step ? tl("application.save", { step: ta(step) }) : tl(auditActionLabels[action]);
  }
}
