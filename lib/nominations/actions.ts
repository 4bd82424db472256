"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";
import { ZNominationCsv } from "@/lib/nominations/schemas";
import { confirmNominations, previewNominations } from "@/lib/nominations/service";

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
