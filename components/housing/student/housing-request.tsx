import { getFormatter, getTranslations } from "next-intl/server";
import { StudentCommitmentsForm } from "@/components/housing/student/commitments-form";
import { StudentDeclineForm } from "@/components/housing/student/decline-form";
import { StudentInterlogChecklist } from "@/components/housing/student/interlog-checklist";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { StudentHousingRequest } from "@/lib/housing/student/queries";
import { interlogSteps } from "@/lib/housing/student/rules";
import type { AppLocale } from "@/lib/i18n/routing";

const parisDate = { dateStyle: "long", timeZone: "Europe/Paris" } as const;
const parisTime = { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" } as const;

/** Where the status is announced, and where focus goes when the accepted room's forms go away. */
const statusId = "housing-status";

/**
 * The university-residence part of the student's housing page (R-HOU-1…5): the request as the
 * student may see it (getStudentHousing has already hidden an unreleased decision), and for an
 * accepted room the reservation, the INTERLOG checklist, the commitments and the decline.
 * The CROUS is named here, so is the only contact (R-HOU-2).
 */
export async function StudentHousingRequestSection({
  locale,
  request,
  application,
}: {
  locale: AppLocale;
  request: StudentHousingRequest | null;
  application: { status: ApplicationStatus; housingRequested: boolean | null };
}) {
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "housing.residence" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);

  return (
    <section aria-labelledby="residence-title" className="flex flex-col gap-4">
      <h2 id="residence-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      {/* R-HOU-2: wherever the CROUS is named. */}
      <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 font-medium">
        {t("onlyContact")}
      </p>
      <p>{t("notAutomatic")}</p>

      {request === null ? (
        <p>{application.status === "DRAFT" && application.housingRequested ? t("draft") : t("none")}</p>
      ) : (
        <>
          <p id={statusId} tabIndex={-1} role="status" className="text-lg">
            <span className="font-medium">{t("statusLabel")}</span>{" "}
            <strong data-testid="housing-status">
              {request.status === "PENDING" && request.notice.kind === "until"
                ? t("pendingUntil", { date: format.dateTime(request.notice.date, parisDate) })
                : t(`status.${request.status}`)}
            </strong>
          </p>
          <p className="text-sm text-slate-700">
            {t("cityPreference", { city: te(`housingCity.${request.cityPreference}`) })}
          </p>
          {request.status === "PENDING" && request.reopened && (
            <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
              {t(`reopened.${request.reopened.reason}`, { date: format.dateTime(request.reopened.at, parisDate) })}
            </p>
          )}
          {request.status === "PENDING" && (
            <p>
              {request.notice.kind === "examining"
                ? t("pending.examining")
                : t(`pending.${request.notice.kind}`, { date: format.dateTime(request.notice.date, parisDate) })}
            </p>
          )}
          {request.status === "WAITLISTED" && <p>{t("waitlisted")}</p>}
          {request.status === "REFUSED" && <p>{t("refused")}</p>}
          {request.status === "DECLINED" && <p>{t("declined")}</p>}
          {request.status === "WITHDRAWN" && <p>{t("withdrawn")}</p>}
          {request.status === "ACCEPTED" && <AcceptedRoom locale={locale} request={request} />}
        </>
      )}
    </section>
  );
}

async function AcceptedRoom({
  locale,
  request,
}: {
  locale: AppLocale;
  request: Extract<StudentHousingRequest, { status: "ACCEPTED" }>;
}) {
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "housing.residence.accepted" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const { residence, progress } = request;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="font-medium">
          {residence
            ? t("offer", { residence: residence.name, city: te(`housingCity.${residence.city}`) })
            : t("offerNoResidence")}
        </p>
        {residence?.address && <p>{t("address", { address: residence.address })}</p>}
      </div>

      {/* R-HOU-4: confirmed, or what is missing; and what confirmation gives. */}
      <section
        aria-labelledby="reservation-title"
        className={`flex flex-col gap-2 rounded border p-4 ${progress.confirmed ? "border-green-700 bg-green-50" : "border-amber-400 bg-amber-50"}`}
      >
        <h3 id="reservation-title" className="text-lg font-semibold">
          {t("reservationTitle")}
        </h3>
        <div aria-live="polite" data-testid="reservation-state">
          {progress.confirmed ? (
            <p className="font-medium">{t("confirmed")}</p>
          ) : (
            <>
              <p className="font-medium">{t("notConfirmed")}</p>
              <ul className="list-disc pl-6">
                {progress.missingSteps.map((step) => (
                  <li key={step}>{t(`missingStep.${step}`)}</li>
                ))}
                {progress.commitmentsMissing && <li>{t("missingCommitments")}</li>}
              </ul>
            </>
          )}
        </div>
        <p>{t("keys")}</p>
      </section>

      <section aria-labelledby="interlog-title" className="flex flex-col gap-3">
        <h3 id="interlog-title" className="text-lg font-semibold">
          {t("interlog.title")}
        </h3>
        <StudentInterlogChecklist
          housingRequestId={request.id}
          steps={interlogSteps.map((step) => {
            const doneAt = request.steps[step];
            return { step, doneAt: doneAt ? format.dateTime(doneAt, parisTime) : null };
          })}
        />
      </section>

      {/* R-HOU-5 */}
      <section aria-labelledby="commitments-title" className="flex flex-col gap-3">
        <h3 id="commitments-title" className="text-lg font-semibold">
          {t("commitments.title")}
        </h3>
        <StudentCommitmentsForm
          housingRequestId={request.id}
          acceptedAt={request.commitmentsAcceptedAt ? format.dateTime(request.commitmentsAcceptedAt, parisTime) : null}
        />
      </section>

      <section aria-labelledby="decline-title" className="flex flex-col gap-3 rounded border border-red-300 p-4">
        <h3 id="decline-title" className="text-lg font-semibold">
          {t("decline.title")}
        </h3>
        <p>{t("decline.hint")}</p>
        <StudentDeclineForm housingRequestId={request.id} statusId={statusId} />
      </section>
    </div>
  );
}
