import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import {
  ApproveThesisForm,
  ClearPathForm,
  FixPathForm,
  ImportStudentsForm,
  RunAllocationForm,
  SeatsForm,
} from "@/components/joint-master/intake-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getIntake } from "@/lib/joint-master/queries";

type Props = { params: Promise<{ locale: string; intakeId: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "jointMaster.intakes" });
  return { title: t("title") };
}

/** One intake: its seats, its students and their wishes, fixed paths, thesis approvals, and its runs. */
export default async function JointMasterIntakePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { intakeId } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/joint-master/${intakeId}`);
  const intake = await getIntake(viewer, intakeId);
  if (!intake) notFound();
  const [t, ti, format, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "jointMaster.intake" }),
    getTranslations({ locale, namespace: "jointMaster.intakes" }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const { consortium } = intake;
  const nameOf = (code: string | null) =>
    consortium.universities.find((university) => university.code === code)?.name ?? code ?? "";
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  const optionsFor = (semester: 2 | 3) =>
    consortium.offers
      .filter((offer) => offer.semester === semester)
      .map((offer) => ({ value: offer.university, label: nameOf(offer.university) }));
  const pathText = (semester2: string, semester3: string) => `${nameOf(semester2)} → ${nameOf(semester3)}`;
  return (
    <div className="flex flex-col gap-8">
      <AdminHeader title={intake.name} back="/admin/joint-master" backLabel={ti("title")} />
      <DoneNotice done={done} />

      <PageSection id="run" title={t("runTitle")}>
        <p>{t("runIntro")}</p>
        <RunAllocationForm intakeId={intake.id} />
        {intake.runs.length === 0 ? (
          <p>{t("noRuns")}</p>
        ) : (
          <DataTable
            caption={t("runsCaption")}
            columns={[t("colRun"), t("colStatus"), t("colPublished")]}
            rows={intake.runs.map((run) => {
              const date = format.dateTime(run.createdAt, { dateStyle: "medium", timeStyle: "medium" });
              return [
                <EditLink key="view" href={`/admin/joint-master/runs/${run.id}`} label={t("view", { date })} name="" />,
                run.status === "ALLOCATED" ? "✓" : "✗",
                run.publishedAt ? format.dateTime(run.publishedAt, { dateStyle: "medium" }) : t("notPublished"),
              ];
            })}
          />
        )}
      </PageSection>

      <PageSection id="students" title={t("studentsTitle")}>
        {intake.students.length === 0 ? (
          <p>{t("noStudents")}</p>
        ) : (
          <DataTable
            caption={t("studentsCaption")}
            columns={[
              t("colRanking"),
              t("colStudent"),
              t("colDegree"),
              t("colScholarship"),
              t("colWishes"),
              t("colFixed"),
              t("colThesis"),
            ]}
            rows={intake.students.map((student) => [
              student.ranking,
              `${student.name} (${student.studentNumber})`,
              countries.of(student.lastDegreeCountry) ?? student.lastDegreeCountry,
              student.scholarship ?? "—",
              student.wishes.length === 0 ? (
                t("noWish")
              ) : (
                <ol key="wishes" className="list-decimal pl-5">
                  {student.wishes.map((wish) => (
                    <li key={`${wish.semester2}/${wish.semester3}`}>{pathText(wish.semester2, wish.semester3)}</li>
                  ))}
                </ol>
              ),
              student.fixedSemester2 && student.fixedSemester3 ? (
                <div key="fixed" className="flex flex-col gap-1">
                  <span>{pathText(student.fixedSemester2, student.fixedSemester3)}</span>
                  <ClearPathForm studentId={student.id} name={student.name} />
                </div>
              ) : (
                t("notFixed")
              ),
              !student.thesisSubject ? (
                t("noSubject")
              ) : (
                <div key="thesis" className="flex flex-col gap-1">
                  <span>
                    {student.thesisSubject}
                    {student.thesisUniversity ? ` (${nameOf(student.thesisUniversity)})` : ""}
                  </span>
                  {student.thesisApprovedAt ? (
                    <span>{t("approved")}</span>
                  ) : (
                    <>
                      <span>{t("pending")}</span>
                      <ApproveThesisForm studentId={student.id} name={student.name} />
                    </>
                  )}
                </div>
              ),
            ])}
          />
        )}
      </PageSection>

      {intake.students.length > 0 && (
        <PageSection id="fix" title={t("fix")}>
          <FixPathForm
            students={intake.students.map((student) => ({
              value: student.id,
              label: `${student.name} (${student.studentNumber})`,
            }))}
            semester2={optionsFor(2)}
            semester3={optionsFor(3)}
          />
        </PageSection>
      )}

      <PageSection id="import" title={t("importTitle")}>
        <p>{t("importIntro")}</p>
        <ImportStudentsForm intakeId={intake.id} />
      </PageSection>

      <PageSection id="seats" title={t("seatsTitle")}>
        {consortium.balance && (
          <p>
            {t("seatsIntro", {
              first: nameOf(consortium.balance.first),
              second: nameOf(consortium.balance.second),
              tolerance: consortium.balance.tolerance,
            })}
          </p>
        )}
        <ul className="flex flex-col gap-3">
          {consortium.offers.map((offer) => (
            <li key={`${offer.semester}-${offer.university}`}>
              <SeatsForm
                intakeId={intake.id}
                semester={offer.semester}
                university={offer.university}
                name={nameOf(offer.university)}
                seats={offer.seats}
              />
            </li>
          ))}
        </ul>
      </PageSection>
    </div>
  );
}
