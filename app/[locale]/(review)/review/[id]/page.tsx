import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { NoteList } from "@/components/applications/note-list";
import { DossierThread } from "@/components/conversation/dossier-thread";
import { FacultyContacts } from "@/components/conversation/faculty-contacts";
import { InsuranceReview } from "@/components/housing/insurance/review";
import { PageHeader } from "@/components/layout/page-header";
import { CertificateRequests } from "@/components/letters/certificate-requests";
import { LetterList } from "@/components/letters/letter-list";
import { ReissueLetterForm } from "@/components/letters/reissue-form";
import { AttachNominationForm } from "@/components/review/attach-nomination-form";
import { CommentForm } from "@/components/review/comment-form";
import { DecisionForm } from "@/components/review/decision-form";
import { DocumentReviewList } from "@/components/review/document-review-list";
import { PageSection } from "@/components/ui/page-section";
import { formatAcademicYear } from "@/lib/academic-year";
import { getDossierForStaff } from "@/lib/applications/queries";
import { canTransition, type ReviewDecision } from "@/lib/applications/rules";
import { applicationSteps } from "@/lib/applications/schemas";
import { auditActionLabels, isAuditAction } from "@/lib/audit-action-labels";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import type { MessageKey } from "@/lib/i18n/message-key";
import { listAttachableNominations } from "@/lib/nominations/queries";
import { studentFullName } from "@/lib/student-name";

type Props = { params: Promise<{ locale: string; id: string }> };

/** The dossier's events told as sentences (review.history); any other event reads "{actor}: {label}". */
const historySentences: Record<string, Exclude<MessageKey<"review.history">, "save" | "other" | "portal">> = {
  "application.submit": "submit",
  "application.startReview": "startReview",
  "application.requestChanges": "requestChanges",
  "application.accept": "accept",
  "application.reject": "reject",
  "application.withdraw": "withdraw",
  "application.comment": "comment",
  "dossier.message": "message",
};

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
  const tn = await getTranslations({ locale, namespace: "nominations.attach" });
  // R-ELI-2: a dossier without a nomination offers the student's own, once the partner's file is in.
  const attachable = dossier.application.nominationId
    ? []
    : await listAttachableNominations({ id: dossier.application.studentId, email: dossier.application.student.email });
  const th = await getTranslations({ locale, namespace: "review.history" });
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

      {/* Reviewing first (checks, data, documents, messages); deciding last, in the side panel. */}
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-8">
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
            {!application.nominationId && (
              <>
                <h3 className="text-lg font-semibold">{tn("title")}</h3>
                {attachable.length === 0 ? (
                  <p>{tn("none")}</p>
                ) : (
                  <AttachNominationForm
                    applicationId={application.id}
                    nominations={attachable.map((nomination) => ({
                      value: nomination.id,
                      label: tn("option", {
                        partner: nomination.partner.name,
                        year: formatAcademicYear(nomination.academicYear),
                        period: te(`period.${nomination.period}`),
                      }),
                    }))}
                  />
                )}
              </>
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
                    [application.homeCoordinatorName, application.homeCoordinatorEmail].filter(Boolean).join(", ") ||
                      "—",
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
            <DocumentReviewList applicationId={application.id} viewer={viewer} />
          </PageSection>

          <DossierThread viewer={viewer} applicationId={application.id} />
          <FacultyContacts componentId={application.componentId} locale={locale} staff />

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
                  {historySentence(event.action, event.actor?.name ?? th("portal"))}{" "}
                  <time dateTime={event.createdAt.toISOString()} className="text-sm text-slate-700">
                    {when(event.createdAt)}
                  </time>
                </li>
              ))}
            </ol>
          </PageSection>
        </div>
        <div className="flex flex-col gap-4 rounded border border-slate-300 bg-slate-100 p-4">
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
        </div>
      </div>
    </div>
  );

  /** The dossier's history as sentences ("Marie Dupont accepted the dossier of …"), never codes. */
  function historySentence(action: string, actor: string): string {
    const sentence = historySentences[action];
    if (sentence) return th(sentence, { actor, student: name });
    const step = applicationSteps.find((saved) => action === `application.save.${saved}`);
    if (step) return th("save", { actor, step: ta(step) });
    // An event written under a name no service uses any more keeps the label it always had.
    const label = isAuditAction(action) ? tl(auditActionLabels[action]) : tl("document.change");
    return th("other", { actor, action: label });
  }
}
