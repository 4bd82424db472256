import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { ResumeMassMailForm } from "@/components/mass-mail/resume-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getMassMailing } from "@/lib/mass-mail/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "massMail" });
  return { title: t("progressTitle") };
}

/** Where one mass e-mail stands: sent, waiting, interrupted; and the way to send the rest. */
export default async function MassMailingPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], `/review/mail/${id}`);
  const mailing = z.uuid().safeParse(id).success ? await getMassMailing(viewer, id) : null;
  if (!mailing) notFound();
  const t = await getTranslations({ locale, namespace: "massMail" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={mailing.subject} back={{ href: "/review/mail", label: t("title") }} />
      <p className="whitespace-pre-wrap break-words rounded border border-slate-300 bg-white p-4">{mailing.body}</p>
      <section aria-labelledby="progress-title" className="flex flex-col gap-2">
        <h2 id="progress-title" className="text-xl font-semibold">
          {t("progressTitle")}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t("counts.total", { count: mailing.total })}</li>
          <li>{t("counts.sent", { count: mailing.sent })}</li>
          <li>{t("counts.waiting", { count: mailing.waiting })}</li>
          {mailing.sending > 0 && <li>{t("counts.sending", { count: mailing.sending })}</li>}
          {mailing.uncertain > 0 && <li>{t("counts.uncertain", { count: mailing.uncertain })}</li>}
        </ul>
        <p>
          <Link href={`/review/mail/${mailing.id}`} className="text-brand underline">
            {t("refresh")}
          </Link>
        </p>
        {mailing.waiting > 0 && <ResumeMassMailForm mailingId={mailing.id} />}
      </section>
    </div>
  );
}
