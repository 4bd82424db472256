import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalText } from "@/components/legal/legal-text";
import { pageLocale } from "@/lib/i18n/locale";
import { getLegalPage } from "@/lib/legal/queries";
import { isLegalPageName } from "@/lib/legal/rules";

type Props = { params: Promise<{ locale: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { page }] = await Promise.all([pageLocale(params), params]);
  if (!isLegalPageName(page)) return {};
  return { title: (await getLegalPage(page, locale)).title };
}

/** R-SEC-9: the legal notice, the privacy policy or the accessibility statement. */
export default async function LegalPage({ params }: Props) {
  const [locale, { page }] = await Promise.all([pageLocale(params), params]);
  if (!isLegalPageName(page)) notFound();
  const [text, t, format] = await Promise.all([
    getLegalPage(page, locale),
    getTranslations({ locale, namespace: "legal" }),
    getFormatter({ locale }),
  ]);
  return (
    <article className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <LegalText body={text.body} />
      <p className="text-sm text-slate-700">
        {text.updatedAt
          ? t("updatedAt", { date: format.dateTime(text.updatedAt, { dateStyle: "long" }) })
          : t("template")}
      </p>
    </article>
  );
}
