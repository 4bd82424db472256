import { getFormatter, getTranslations } from "next-intl/server";
import { MarkThreadRead } from "@/components/conversation/mark-thread-read";
import { MessageForm } from "@/components/conversation/message-form";
import { PageSection } from "@/components/ui/page-section";
import type { Viewer } from "@/lib/auth/viewer";
import { getThread } from "@/lib/conversation/queries";

/**
 * R-MSG-2, R-MSG-5: a dossier's thread, oldest first, the viewer's unread messages marked, with
 * the form to write. The same component serves the student's dossier and the reviewers' page;
 * `open` is false while the dossier is a draft (the student is then sent to the contacts' e-mail).
 */
export async function DossierThread({
  viewer,
  applicationId,
  open = true,
}: {
  viewer: Viewer;
  applicationId: string;
  open?: boolean;
}) {
  const [thread, t, format] = await Promise.all([
    getThread(viewer, applicationId),
    getTranslations("conversation"),
    getFormatter(),
  ]);
  if (!thread) return null;
  const staff = viewer.role !== "STUDENT";
  const author = (message: (typeof thread.messages)[number]) =>
    message.side === (staff ? "STAFF" : "STUDENT") && !staff
      ? t("you")
      : message.side === "STUDENT"
        ? t("fromStudent", { name: message.author.name })
        : t("fromStaff", { name: message.author.name });

  return (
    <PageSection id="messages-title" title={t("threadTitle")}>
      <p>{staff ? t("threadIntroStaff") : t("threadIntroStudent")}</p>
      <p role="status" data-testid="unread-messages" className="font-medium">
        {t("unread", { count: thread.unread })}
      </p>
      {thread.messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {thread.messages.map((message) => (
            <li
              key={message.id}
              className={`rounded border p-3 ${message.side === "STAFF" ? "border-brand/40 bg-blue-50" : "border-slate-300 bg-white"}`}
            >
              <p className="text-sm text-slate-700">
                {message.unread && (
                  <strong className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-amber-950">{t("newBadge")}</strong>
                )}
                {author(message)} ·{" "}
                <time dateTime={message.createdAt.toISOString()}>
                  {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </p>
              <p className="whitespace-pre-wrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {open ? <MessageForm applicationId={staff ? applicationId : undefined} /> : <p>{t("threadClosed")}</p>}
      {thread.newest && thread.unread > 0 && (
        <MarkThreadRead applicationId={applicationId} upTo={thread.newest.toISOString()} />
      )}
    </PageSection>
  );
}
