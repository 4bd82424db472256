import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { CallForm, LateSubmissionForm } from "@/components/admin/call-forms";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { getCallForEdit } from "@/lib/calls/queries";
import { listComponentOptions } from "@/lib/components/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { parisWallClockInput } from "@/lib/paris-time";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "calls.admin" });
  return { title: t("title") };
}

/** R-ELI-8: a call's dates (a later deadline extends it) and one student's exception. */
export default async function CallPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/calls/${id}`);
  const [call, { done }] = await Promise.all([getCallForEdit(viewer, id), searchParams]);
  if (!call) notFound();
  const [t, te] = await Promise.all([
    getTranslations({ locale, namespace: "calls.admin" }),
    getTranslations({ locale, namespace: "enums" }),
  ]);
  const components = await listComponentOptions();
  const dates = {
    opensAt: parisWallClockInput(call.opensAt),
    nominationDeadline: parisWallClockInput(call.nominationDeadline),
    applicationDeadline: parisWallClockInput(call.applicationDeadline),
  };
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { year: formatAcademicYear(call.academicYear), period: te(`period.${call.period}`) })}
        intro={t("editIntro")}
        back="/admin/calls"
        backLabel={t("title")}
      />
      <DoneNotice done={done} />
      <CallForm
        call={{ id: call.id, ...dates }}
        defaults={{
          academicYear: String(call.academicYear),
          period: call.period,
          componentIds: call.components.map((component) => component.id),
          ...dates,
        }}
        years={[]}
        periods={[]}
        components={components.map((component) => ({
          value: component.id,
          label: locale === "fr" ? component.nameFr : component.nameEn,
        }))}
      />
      <section className="border-t border-slate-300 pt-6">
        <LateSubmissionForm callId={call.id} />
      </section>
    </div>
  );
}
