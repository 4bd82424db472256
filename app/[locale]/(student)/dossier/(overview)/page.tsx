import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { UnverifiedEmailNotice } from "@/components/account/unverified-email-notice";
import { ApplicationHistory } from "@/components/applications/application-history";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { NoteList } from "@/components/applications/note-list";
import { WithdrawForm } from "@/components/applications/withdraw-form";
import { ArrivalLink } from "@/components/arrival/arrival-link";
import { OpenCalls } from "@/components/calls/open-calls";
import { DossierThread } from "@/components/conversation/dossier-thread";
import { FacultyContacts } from "@/components/conversation/faculty-contacts";
import { DocumentList } from "@/components/documents/document-list";
import { DocumentsToReplace } from "@/components/documents/documents-to-replace";
import { StudentHousingLink } from "@/components/housing/student/housing-link";
import { ArrivalHub } from "@/components/integration/arrival-hub";
import { CertificateRequests } from "@/components/letters/certificate-requests";
import { LetterList } from "@/components/letters/letter-list";
import { MyDataSection } from "@/components/privacy/my-data-section";
import { PageSection } from "@/components/ui/page-section";
import { isEditableByStudent } from "@/lib/application-status";
import { getStudentDossier } from "@/lib/applications/queries";
import { canTransition } from "@/lib/applications/rules";
import { isTimelineAction, timelineLabels } from "@/lib/audit-action-labels";
import { requireRole } from "@/lib/auth/guard";
import { isThreadOpen } from "@/lib/conversation/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ sent?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "dossier" });
  return { title: t("title") };
}

/** The student's dossier: status, who acts next, the correspondent's messages, the timeline. */
export default async function DossierPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier");
  const [t, te, tl, format, dossier] = await Promise.all([
    getTranslations({ locale, namespace: "dossier" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "letters" }),
    getFormatter({ locale }),
    getStudentDossier(viewer),
  ]);

  if (!dossier) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("welcome", { name: viewer.name })}</p>
        <UnverifiedEmailNotice viewer={viewer} />
        <p>{t("noApplication")}</p>
        <p>
          <Link
            href="/apply"
            className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
          >
            {t("start")}
          </Link>
        </p>
        <OpenCalls locale={locale} />
        <MyDataSection locale={locale} />
      </div>
    );
  }

  const { application, notes, timeline } = dossier;
  const status = application.status;
  const { sent } = await searchParams;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>
          <span className="font-medium">{t("statusLabel")}</span>{" "}
          <strong data-testid="application-status">{te(`applicationStatus.${status}`)}</strong>
        </p>
        <section aria-labelledby="next-title" className="rounded border border-brand bg-blue-50 p-3">
          <h2 id="next-title" className="font-semibold">
            {t("nextTitle")}
          </h2>
          <p>{t(`next.${status}`)}</p>
        </section>
        <UnverifiedEmailNotice viewer={viewer} />
        {sent === "message" && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {t("messageSent")}
          </p>
        )}
        {isEditableByStudent(status) && (
          <p>
            <Link
              href="/apply"
              className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
            >
              {status === "DRAFT" ? t("continue") : t("edit")}
            </Link>
          </p>
        )}
        {/* R-ELI-3: a warning the student sees, never a refusal. */}
        {application.frenchWarning && status !== "DRAFT" && (
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
            {t("frenchWarning", { period: application.period ?? "S1" })}
          </p>
        )}
      </div>

      {/* Every step from application to arrival, each a link (issue 16). */}
      <ArrivalHub locale={locale} viewer={viewer} />

      {/* Housing and home insurance (R-HOU-1…7): its own page, linked once relevant. */}
      <StudentHousingLink locale={locale} application={application} />
      {/* Arrival: residence permit and welcome desk (R-VIS-1…6), once accepted. */}
      <ArrivalLink locale={locale} status={application.status} />

      <DocumentsToReplace applicationId={application.id} status={status} viewer={viewer} />
      <FacultyContacts componentId={application.componentId} locale={locale} />
      <DossierThread viewer={viewer} applicationId={application.id} open={isThreadOpen(status)} />

      <section aria-labelledby="notes-title" className="flex flex-col gap-3">
        <h2 id="notes-title" className="text-2xl font-semibold">
          {t("messagesTitle")}
        </h2>
        <NoteList
          empty={t("noMessages")}
          // The query leaves internal comments out; the check also tells the type checker.
          notes={notes.flatMap((note) =>
            note.kind === "INTERNAL_COMMENT"
              ? []
              : [
                  {
                    id: note.id,
                    heading: `${t(`noteKind.${note.kind}`)} · ${format.dateTime(note.createdAt, { dateStyle: "long", timeStyle: "short" })}`,
                    body: note.body,
                  },
                ],
          )}
        />
      </section>

      <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
        <h2 id="timeline-title" className="text-2xl font-semibold">
          {t("timelineTitle")}
        </h2>
        <ol className="flex flex-col gap-1 border-l-2 border-brand pl-4">
          <li>
            {t("timeline.created")} ·{" "}
            {format.dateTime(application.createdAt, { dateStyle: "long", timeStyle: "short" })}
          </li>
          {timeline.map(
            (event) =>
              isTimelineAction(event.action) && (
                <li key={event.id.toString()}>
                  {t(timelineLabels[event.action])} ·{" "}
                  {format.dateTime(event.createdAt, { dateStyle: "long", timeStyle: "short" })}
                </li>
              ),
          )}
        </ol>
      </section>

      {application.status === "ACCEPTED" && (
        <PageSection id="letters-title" title={tl("title")}>
          <p>{tl("intro")}</p>
          <LetterList applicationId={application.id} viewer={viewer} />
          <CertificateRequests applicationId={application.id} viewer={viewer} locale={locale} />
        </PageSection>
      )}

      <ApplicationSummary application={application} locale={locale} />

      <section aria-labelledby="documents-title" className="flex flex-col gap-3">
        <h2 id="documents-title" className="text-2xl font-semibold">
          {t("documentsTitle")}
        </h2>
        <DocumentList applicationId={application.id} viewer={viewer} />
      </section>

      {canTransition(status, "withdraw") && (
        <section aria-labelledby="withdraw-title" className="flex flex-col gap-3 rounded border border-red-300 p-4">
          <h2 id="withdraw-title" className="text-xl font-semibold">
            {t("withdrawTitle")}
          </h2>
          <p>{t("withdrawHint")}</p>
          <WithdrawForm />
        </section>
      )}

      {/* R-ELI-9: every application over time, and a new one once the last is closed. */}
      <ApplicationHistory viewer={viewer} locale={locale} />
      {/* R-ELI-8: the calls open now, for a next application. */}
      <OpenCalls locale={locale} />
      <MyDataSection locale={locale} />
    </div>
  );
}
