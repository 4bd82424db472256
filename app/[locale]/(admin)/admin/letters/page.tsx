import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { LetterheadForm } from "@/components/letters/letterhead-form";
import { SignatureForm } from "@/components/letters/signature-form";
import { LetterTemplateForm } from "@/components/letters/template-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getLetterBranding, listLetterTemplates } from "@/lib/letters/queries";
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
  const [t, tk, tl, templates, branding] = await Promise.all([
    getTranslations({ locale, namespace: "letters.admin" }),
    getTranslations({ locale, namespace: "letters.kind" }),
    getTranslations({ locale, namespace: "letters.language" }),
    listLetterTemplates(viewer),
    getLetterBranding(viewer),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <section aria-labelledby="branding-heading" className="flex flex-col gap-3">
        <h2 id="branding-heading" className="text-xl font-semibold">
          {t("brandingTitle")}
        </h2>
        {(["fr", "en"] as const).map((language) => (
          <LetterheadForm
            key={language}
            locale={language}
            lines={branding.letterheads[language]}
            heading={t("letterheadTitle", { language: tl(language) })}
          />
        ))}
        <SignatureForm onFile={branding.signatureOnFile} />
      </section>
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
          previewHref={`/api/letters/preview?kind=${template.kind}&locale=${template.locale}`}
        />
      ))}
    </div>
  );
}
