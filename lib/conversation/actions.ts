"use server";

import { actionFor } from "@/lib/actions/chain";
import { mailIncludesText } from "@/lib/conversation/rules";
import { ZMarkThreadRead, ZStaffMessage, ZStudentMessage } from "@/lib/conversation/schemas";
import { markThreadRead, sendStaffMessage, sendStudentMessage } from "@/lib/conversation/service";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";
import { getPortalSettings } from "@/lib/settings/queries";

/** R-MSG-4: whether this portal's mails carry the message ("" leaves it out of the template). */
async function mailedText(body: string): Promise<{ includeText: "yes" | "no"; message: string }> {
  const include = mailIncludesText((await getPortalSettings()).messageMailText);
  return include ? { includeText: "yes", message: body } : { includeText: "no", message: "" };
}

export const sendStudentMessageAction = actionFor("conversation.sendStudentMessage")
  .input(ZStudentMessage)
  .action(async ({ input, ctx }) => {
    const sent = await sendStudentMessage(ctx.viewer, input, ctx.requestId);
    const text = await mailedText(input.body);
    for (const recipient of sent.recipients) {
      await notify(
        recipient.email,
        recipient.locale,
        "messageToStaff",
        { student: sent.studentName, applicationId: sent.applicationId, ...text },
        ctx.requestId,
      );
    }
    await redirectInLocale({ pathname: "/dossier", query: { sent: "message" } });
  });

export const sendStaffMessageAction = actionFor("conversation.sendStaffMessage")
  .input(ZStaffMessage)
  .action(async ({ input, ctx }) => {
    const sent = await sendStaffMessage(ctx.viewer, input, ctx.requestId);
    if (sent.recipient) {
      await notify(
        sent.recipient.email,
        sent.recipient.locale,
        "messageToStudent",
        { name: sent.recipient.name, sender: ctx.viewer.name, ...(await mailedText(input.body)) },
        ctx.requestId,
      );
    }
    await redirectInLocale(`/review/${sent.applicationId}`);
  });

/** Called by the thread once shown: what the page displayed is read (R-MSG-5). */
export const markThreadReadAction = actionFor("conversation.markThreadRead")
  .input(ZMarkThreadRead)
  .action(async ({ input, ctx }) => {
    await markThreadRead(ctx.viewer, input);
    return { read: true };
  });
