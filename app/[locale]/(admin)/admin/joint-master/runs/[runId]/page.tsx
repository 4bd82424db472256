import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { PublishRunForm } from "@/components/joint-master/intake-forms";
import { reasonText } from "@/components/joint-master/reason-text";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getRun } from "@/lib/joint-master/queries";

type Props = { params: Promise<{ locale: string; runId: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "jointMaster.intakes" });
  return { title: t("title") };
}

/** A kept run: each student's path, which wish it is and why not a better one; or the contradiction. */
export default async function JointMasterRunPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { runId } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/joint-master/runs/${runId}`);
  const run = await getRun(viewer, runId);
  if (!run) notFound();
  const [t, tr, format, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "jointMaster.run" }),
    getTranslations({ locale, namespace: "jointMaster.reason" }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const { result, consortium } = run;
  const universityName = (code: string) =>
    consortium.universities.find((university) => university.code === code)?.name ?? code;
  const byNumber = new Map(run.intake.students.map((student) => [student.studentNumber, student.name]));
  const studentName = (id: string) => (byNumber.has(id) ? `${byNumber.get(id)} (${id})` : id);
  const date = format.dateTime(run.createdAt, { dateStyle: "medium", timeStyle: "medium" });
  const { stats } = result;
  return (
    <div className="flex flex-col gap-8">
      <AdminHeader
        title={t("title", { date })}
        back={`/admin/joint-master/${run.intake.id}`}
        backLabel={t("backToIntake")}
      />
      <DoneNotice done={done} />
      {result.status === "infeasible" ? (
        <PageSection id="contradictions" title={t("contradictionsTitle")}>
          <p role="alert" className="rounded border border-red-800 bg-red-50 p-3 text-red-900">
            {t("infeasible")}
          </p>
          <ul className="list-disc pl-6">
            {result.contradictions.map((reason) => (
              <li key={`${reason.code}-${reason.studentIds.join(",")}-${reason.university ?? ""}`}>
                {reasonText(tr, reason, { universityName, studentName, forWish: false })}
              </li>
            ))}
          </ul>
        </PageSection>
      ) : (
        <>
          <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {t("allocated")} {t("checked")}
          </p>
          {run.publishedAt ? (
            <p role="status">{t("published", { date: format.dateTime(run.publishedAt, { dateStyle: "medium" }) })}</p>
          ) : (
            <PublishRunForm runId={run.id} count={result.students.length} />
          )}
          <DataTable
            caption={t("resultsCaption")}
            columns={[t("colOrder"), t("colStudent"), t("colPath"), t("colWish"), t("colWhy")]}
            rows={result.students.map((outcome, index) => [
              index + 1,
              studentName(outcome.studentId),
              [consortium.firstSemester, outcome.path.semester2, outcome.path.semester3]
                .map(universityName)
                .join(" → "),
              outcome.fixedByCoordinator
                ? t("fixed")
                : outcome.wishRank === null
                  ? t("noWishKept")
                  : t("wishRank", { rank: outcome.wishRank }),
              outcome.refused.length === 0 ? (
                t("firstWish")
              ) : (
                <ul key="why" className="list-disc pl-5">
                  {outcome.refused.map((refusal) => (
                    <li key={refusal.wishRank}>
                      {t("wishRank", { rank: refusal.wishRank })}:{" "}
                      {refusal.reasons
                        .map((reason) => reasonText(tr, reason, { universityName, studentName, forWish: true }))
                        .join("; ")}
                    </li>
                  ))}
                </ul>
              ),
            ])}
          />
        </>
      )}
      <PageSection id="stats" title={t("statsTitle")}>
        <p>
          {t("statsText", {
            students: stats.students,
            solves: stats.solves,
            solverMs: Math.round(stats.solverMs),
            totalMs: stats.totalMs,
            variables: stats.largestModel.variables,
            constraints: stats.largestModel.constraints,
          })}
        </p>
      </PageSection>
    </div>
  );
}
