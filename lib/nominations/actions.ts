"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";
import { ZAttachNomination, ZNominationCsv } from "@/lib/nominations/schemas";
import { attachNomination, confirmNominations, previewNominations } from "@/lib/nominations/service";

/**
 * R-ELI-2: "preview" reads the file and answers its rows and errors (nothing written);
 * "confirm" records all of it or nothing, then mails each student in their language.
 */
export const importNominationsAction = actionFor("nominations.importNominations")
  .input(ZNominationCsv)
  .action(async ({ input, ctx }) => {
    if (input.confirm === "preview") return { preview: await previewNominations(input.csv) };
    const { count, mails } = await confirmNominations(input.csv, { id: ctx.viewer.id, requestId: ctx.requestId });
    for (const mail of mails) await notify(mail.to, mail.locale, mail.template, mail.values, ctx.requestId);
    await redirectInLocale({ pathname: "/admin/nominations", query: { done: "imported", count: String(count) } });
  });

/** R-ELI-2: a reviewer attaches the partner's late nomination to the dossier, then sees it there. */
export const attachNominationAction = actionFor("nominations.attachNomination")
  .input(ZAttachNomination)
  .action(async ({ input, ctx }) => {
    await attachNomination(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: `/review/${input.applicationId}`, query: { done: "nominationAttached" } });
  });
