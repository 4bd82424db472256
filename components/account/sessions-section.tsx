import { getFormatter, getTranslations } from "next-intl/server";
import { EndOtherSessionsForm, EndSessionForm } from "@/components/account/end-session-form";
import { DataTable } from "@/components/ui/data-table";
import type { OwnSession } from "@/lib/account-sessions/queries";

/**
 * R-SEC-8: the viewer's open sessions, each with a way to end it, and "sign out everywhere
 * else". Its own section, so that the account page can show it as well as its own page.
 */
export async function SessionsSection({ sessions, done }: { sessions: OwnSession[]; done?: string }) {
  const [t, format] = await Promise.all([getTranslations("accountSessions"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const device = (session: OwnSession) => {
    const browser = session.browser ?? t("unknownBrowser");
    return session.system ? t("browserOn", { browser, system: session.system }) : browser;
  };
  const others = sessions.filter((session) => !session.current);
  return (
    <section aria-labelledby="sessions-heading" className="flex flex-col gap-4">
      <h2 id="sessions-heading" className="sr-only">
        {t("title")}
      </h2>
      {(done === "ended" || done === "endedOthers") && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t(`done.${done}`)}
        </p>
      )}
      <DataTable
        caption={t("title")}
        columns={[t("device"), t("address"), t("startedAt"), t("lastSeenAt"), t("actions")]}
        rows={sessions.map((session) => [
          <span key="device">
            {device(session)}
            {session.current && <strong className="ml-2">({t("current")})</strong>}
          </span>,
          session.clientAddress ?? t("unknownAddress"),
          when(session.startedAt),
          when(session.lastSeenAt),
          <EndSessionForm key="end" sessionId={session.id} current={session.current} device={device(session)} />,
        ])}
      />
      {others.length > 0 ? <EndOtherSessionsForm /> : <p>{t("onlyThis")}</p>}
    </section>
  );
}
