import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { readOutbox } from "@/lib/mail/outbox";
import { isOutboxFiltered, ZOutboxFilter } from "@/lib/mail/outbox-filter";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Only when the project's own SMTP sink runs (development, demo, tests): there is no outbox
// in production, where mail goes to a real server.
export default async function OutboxPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/outbox");
  const sinkDir = env().MAIL_SINK_DIR;
  if (!sinkDir) notFound();
  const t = await getTranslations({ locale, namespace: "admin" });
  const format = await getFormatter({ locale });
  const filter = ZOutboxFilter.parse(await searchParams);
  const messages = await readOutbox(sinkDir, 100, filter);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("outbox")}</h1>
      <p>{t("outboxIntro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader; role="search" is */}
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <Field name="to" type="search" label={t("outboxTo")} defaultValue={filter.to ?? ""} maxLength={200} />
        <Field
          name="subject"
          type="search"
          label={t("outboxSubject")}
          defaultValue={filter.subject ?? ""}
          maxLength={200}
        />
        <button
          type="submit"
          className="rounded border border-brand bg-white px-4 py-2 font-medium text-brand hover:bg-blue-50"
        >
          {t("outboxFilter")}
        </button>
        {isOutboxFiltered(filter) && (
          <Link href="/admin/outbox" className="py-2 font-medium text-brand underline">
            {t("outboxShowAll")}
          </Link>
        )}
      </form>
      <p aria-live="polite">{t("outboxCount", { count: messages.length })}</p>
      {messages.length === 0 ? (
        <p>{isOutboxFiltered(filter) ? t("outboxNoMatch") : t("outboxEmpty")}</p>
      ) : (
        <DataTable
          caption={t("outbox")}
          columns={[t("colDate"), t("colTo"), t("colSubject")]}
          rows={messages.map((message) => [
            format.dateTime(new Date(message.receivedAt), { dateStyle: "short", timeStyle: "medium" }),
            message.to.join(", "),
            <details key={message.id}>
              <summary className="cursor-pointer">{message.subject}</summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans">{message.text}</pre>
            </details>,
          ])}
        />
      )}
    </div>
  );
}
