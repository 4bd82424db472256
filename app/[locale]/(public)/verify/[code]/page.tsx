import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requestClient } from "@/lib/auth/request-client";
import { pageLocale } from "@/lib/i18n/locale";
import { formatLetterDate } from "@/lib/letters/compose";
import { verifyLetterCode } from "@/lib/letters/verify";

type Props = { params: Promise<{ locale: string; code: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "letters.verify" });
  // A verification page is for whoever holds the letter, not for search engines.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Public: anyone holding a letter checks it by its code. It shows what the letter itself
 * prints and no more, whether it still holds, and the SHA-256 of the file (R-LET-5 throttles
 * unknown codes per address).
 */
export default async function VerifyLetterPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const [t, tk] = await Promise.all([
    getTranslations({ locale, namespace: "letters.verify" }),
    getTranslations({ locale, namespace: "letters.kind" }),
  ]);
  const result = await verifyLetterCode(decodeURIComponent(code), requestClient(await headers()).address);
  // Dates as the letter prints them, so that the two read alike.
  const day = (date: Date) => formatLetterDate(date, locale);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>
      {result.outcome === "found" ? (
        <>
          <p
            role="status"
            className={
              result.letter.replacedAt
                ? "rounded border border-amber-700 bg-amber-50 p-3 font-semibold text-amber-950"
                : "rounded border border-green-800 bg-green-50 p-3 font-semibold text-green-900"
            }
          >
            {result.letter.replacedAt ? t("replaced") : t("valid")}
          </p>
          <section aria-labelledby="letter-details" className="flex flex-col gap-3">
            <h2 id="letter-details" className="text-2xl font-semibold">
              {t("detailsCaption")}
            </h2>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              {(
                [
                  [t("code"), <code key="code">{result.letter.code}</code>],
                  [t("kind"), tk(result.letter.kind)],
                  [t("studentName"), result.letter.studentName],
                  [
                    t("period"),
                    result.letter.periodStart && result.letter.periodEnd
                      ? t("periodValue", { start: day(result.letter.periodStart), end: day(result.letter.periodEnd) })
                      : result.letter.periodStart
                        ? day(result.letter.periodStart)
                        : "—",
                  ],
                  [t("issuedAt"), day(result.letter.issuedAt)],
                  [t("status"), result.letter.replacedAt ? t("replaced") : t("valid")],
                  [
                    t("sha256"),
                    <code key="sha" data-testid="letter-sha256" className="break-all">
                      {result.letter.sha256}
                    </code>,
                  ],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="text-sm">{t("sha256Hint")}</p>
          </section>
        </>
      ) : (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {result.outcome === "throttled"
            ? t("throttled", { minutes: Math.ceil(result.retryAfterSeconds / 60) })
            : t(result.outcome)}
        </p>
      )}
    </div>
  );
}
