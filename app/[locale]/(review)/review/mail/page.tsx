import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { MassMailForm } from "@/components/mass-mail/mass-mail-form";
import { QueueFilters } from "@/components/review/queue-filters";
import { listQueuePartners } from "@/lib/applications/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { countMassMailRecipients, listMassMailings } from "@/lib/mass-mail/queries";
import { ZMassMailFilters } from "@/lib/mass-mail/schemas";
import { filterParams, firstValues } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "massMail" });
  return { title: t("title") };
}

/** An e-mail to the students the queue's filters select: the count first, then the e-mail. */
export default async function MassMailPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/mail");
  const raw = firstValues(await searchParams);
  const filters = ZMassMailFilters.parse(raw);
  const linkParams = filterParams(filters);
  const [t, format, count, partners, mailings] = await Promise.all([
    getTranslations({ locale, namespace: "massMail" }),
    getFormatter({ locale }),
    countMassMailRecipients(viewer, filters),
    listQueuePartners(viewer),
    listMassMailings(viewer),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: t("back") }} />
      <QueueFilters
        query={linkParams}
        resetHref="/review/mail"
        partners={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
      />
      <p role="status" className="rounded border border-slate-300 bg-white p-4 font-medium">
        {t("preview", { count })}
      </p>
      {count > 0 && (
        <section
          aria-labelledby="compose-title"
          className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
        >
          <h2 id="compose-title" className="text-xl font-semibold">
            {t("composeTitle")}
          </h2>
          <MassMailForm filters={linkParams} />
        </section>
      )}
      <section aria-labelledby="history-title" className="flex flex-col gap-2">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("historyTitle")}
        </h2>
        {mailings.length === 0 ? (
          <p>{t("historyEmpty")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {mailings.map((mailing) => (
              <li key={mailing.id}>
                <Link href={`/review/mail/${mailing.id}`} className="break-words text-brand underline">
                  {t("historyItem", {
                    subject: mailing.subject,
                    date: format.dateTime(mailing.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    count: mailing._count.recipients,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
