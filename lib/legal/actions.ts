"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZLegalPageUpdate } from "@/lib/legal/schemas";
import { updateLegalPage } from "@/lib/legal/service";

/** R-SEC-9: an administrator saves a legal page; back to the list of the three, confirmed. */
export const updateLegalPageAction = actionFor("legal.update")
  .input(ZLegalPageUpdate)
  .action(async ({ input, ctx }) => {
    await updateLegalPage(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/legal", query: { done: "saved" } });
  });
