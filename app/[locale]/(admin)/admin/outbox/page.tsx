import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";
import { readOutbox } from "@/lib/mail/outbox";

type Props = { params: Promise<{ locale: string }> };

// Only when the project's own SMTP sink runs (development, demo, tests): there is no outbox
// in production, where mail goes to a real server.
export default async function OutboxPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/outbox");
  const sinkDir = env().MAIL_SINK_DIR;
  if (!sinkDir) notFound();
  const t = await getTranslations({ locale, namespace: "admin" });
  const format = await getFormatter({ locale });
  const messages = await readOutbox(sinkDir);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("outbox")}</h1>
      <p>{t("outboxIntro")}</p>
      {messages.length === 0 ? (
        <p>{t("outboxEmpty")}</p>
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
