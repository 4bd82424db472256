import { getFormatter, getTranslations } from "next-intl/server";
import { IssueCertificateForm } from "@/components/letters/issue-certificate-form";
import { RequestCertificateForm } from "@/components/letters/request-certificate-form";
import { DataTable } from "@/components/ui/data-table";
import type { Viewer } from "@/lib/auth/viewer";
import { listCertificateRequestsForViewer } from "@/lib/letters/queries";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/**
 * Certificates of arrival and attendance on a dossier: the student asks for them and sees
 * their state; staff confirm the dates of each pending one and issue it.
 */
export async function CertificateRequests({
  applicationId,
  viewer,
  locale,
}: {
  applicationId: string;
  viewer: Pick<Viewer, "id" | "role" | "componentIds">;
  locale: string;
}) {
  const [found, t, tk, format] = await Promise.all([
    listCertificateRequestsForViewer(viewer, applicationId),
    getTranslations("letters"),
    getTranslations("letters.kind"),
    getFormatter(),
  ]);
  if (!found) return null;
  const { requests, arrivalDate, periodEnd } = found;
  const table =
    requests.length === 0 ? (
      <p>{t("certificates.none")}</p>
    ) : (
      <DataTable
        caption={t("certificates.pendingCaption")}
        columns={[t("column.letter"), t("certificates.requestedAt"), t("certificates.state")]}
        rows={requests.map((request) => [
          tk(request.kind),
          format.dateTime(request.requestedAt, { dateStyle: "long" }),
          t(`certificates.${request.status}`),
        ])}
      />
    );

  if (viewer.role === "STUDENT")
    return (
      <div className="flex flex-col gap-3">
        <h3 className="text-lg font-semibold">{t("certificates.title")}</h3>
        <p>{t("certificates.hint")}</p>
        {table}
        <RequestCertificateForm kind="ARRIVAL_CERTIFICATE" />
        <RequestCertificateForm kind="ATTENDANCE_CERTIFICATE" />
      </div>
    );

  const pending = requests.filter((request) => request.status === "PENDING");
  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg font-semibold">{t("issueCertificate.title")}</h3>
      {table}
      {pending.map((request) =>
        request.kind === "ACCEPTANCE" ? null : (
          <section key={request.id} aria-labelledby={`certificate-${request.id}`} className="flex flex-col gap-2">
            <h4 id={`certificate-${request.id}`} className="font-semibold">
              {tk(request.kind)} · {format.dateTime(request.requestedAt, { dateStyle: "long" })}
            </h4>
            <IssueCertificateForm
              certificateRequestId={request.id}
              kind={request.kind}
              start={isoDay(arrivalDate)}
              end={isoDay(periodEnd)}
              defaultLocale={locale}
            />
          </section>
        ),
      )}
    </div>
  );
}
