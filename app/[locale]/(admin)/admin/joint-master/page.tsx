import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { CreateIntakeForm } from "@/components/joint-master/intake-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listIntakes } from "@/lib/joint-master/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "jointMaster.intakes" });
  return { title: t("title") };
}

/** The joint-master intakes (issue 18); the coordinator is an administrator. */
export default async function JointMasterIntakesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/joint-master");
  const t = await getTranslations({ locale, namespace: "jointMaster.intakes" });
  const [intakes, { done }] = await Promise.all([listIntakes(viewer), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      {intakes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("colName"), t("colStudents"), t("colRuns"), t("open")]}
          rows={intakes.map((intake) => [
            intake.name,
            intake._count.students,
            intake._count.runs,
            <EditLink key="open" href={`/admin/joint-master/${intake.id}`} label={t("open")} name={intake.name} />,
          ])}
        />
      )}
      <PageSection id="create" title={t("create")}>
        <CreateIntakeForm />
      </PageSection>
    </div>
  );
}
