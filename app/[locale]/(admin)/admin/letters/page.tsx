import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { LetterTemplateForm } from "@/components/letters/template-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listLetterTemplates } from "@/lib/letters/queries";
import { placeholderNames } from "@/lib/letters/rules";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "letters.admin" });
  return { title: t("title") };
}

/** R-LET-1: the wording of every letter, per language, as data an administrator edits. */
export default async function LetterTemplatesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/letters");
  const [t, tk, tl, templates] = await Promise.all([
    getTranslations({ locale, namespace: "letters.admin" }),
    getTranslations({ locale, namespace: "letters.kind" }),
    getTranslations({ locale, namespace: "letters.language" }),
    listLetterTemplates(viewer),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <div>
        <h2 className="text-xl font-semibold">{t("placeholders")}</h2>
        <ul className="flex flex-wrap gap-2">
          {placeholderNames.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code>
            </li>
          ))}
        </ul>
      </div>
      {templates.map((template) => (
        <LetterTemplateForm
          key={`${template.kind}-${template.locale}`}
          template={template}
          heading={t("templateTitle", { kind: tk(template.kind), language: tl(template.locale) })}
        />
      ))}
    </div>
  );
}
