"use server";

import { actionFor } from "@/lib/actions/chain";
import { mailIncludesText } from "@/lib/conversation/rules";
import { ZBulkStaffMessage, ZMarkThreadRead, ZStaffMessage, ZStudentMessage } from "@/lib/conversation/schemas";
import {
  type MessageRecipient,
  markThreadRead,
  sendStaffMessage,
  sendStaffMessageToMany,
  sendStudentMessage,
} from "@/lib/conversation/service";
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
    if (sent.recipient) await mailStudent(sent.recipient, ctx.viewer.name, input.body, ctx.requestId);
    await redirectInLocale(`/review/${sent.applicationId}`);
  });

/**
 * R-MSG-9: one chunk of the queue's selection (the page sends a large one chunk by chunk,
 * showing progress): the text posted into each dossier's thread, each student mailed as for a
 * single message. Answers how many dossiers received it.
 */
export const sendStaffMessageToManyAction = actionFor("conversation.sendStaffMessageToMany")
  .input(ZBulkStaffMessage)
  .action(async ({ input, ctx }) => {
    const sent = await sendStaffMessageToMany(ctx.viewer, input, ctx.requestId);
    for (const { recipient } of sent) {
      if (recipient) await mailStudent(recipient, ctx.viewer.name, input.body, ctx.requestId);
    }
    return { sent: sent.length };
  });

/** R-MSG-4: the student is told of a staff message in their language. */
async function mailStudent(recipient: MessageRecipient, sender: string, body: string, requestId: string) {
  await notify(
    recipient.email,
    recipient.locale,
    "messageToStudent",
    { name: recipient.name, sender, ...(await mailedText(body)) },
    requestId,
  );
}

/** Called by the thread once shown: what the page displayed is read (R-MSG-5). */
export const markThreadReadAction = actionFor("conversation.markThreadRead")
  .input(ZMarkThreadRead)
  .action(async ({ input, ctx }) => {
    await markThreadRead(ctx.viewer, input);
    return { read: true };
  });
