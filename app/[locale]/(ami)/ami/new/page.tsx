import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AmiApplicationForm } from "@/components/ami/application-form";
import { PageHeader } from "@/components/layout/page-header";
import { requireRole } from "@/lib/auth/guard";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ami.form" });
  return { title: t("newTitle") };
}

/** A new AMI application, saved as a draft first. */
export default async function NewAmiApplicationPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["AMU_STUDENT"], "/ami/new");
  const t = await getTranslations({ locale, namespace: "ami" });
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={t("form.newTitle")}
        intro={t("form.intro")}
        back={{ href: "/ami", label: t("student.title") }}
      />
      <AmiApplicationForm saved={null} countries={countryOptions(locale)} />
    </div>
  );
}
