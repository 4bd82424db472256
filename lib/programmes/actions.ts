"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZCreateProgramme, ZUpdateProgramme } from "@/lib/programmes/schemas";
import { createProgramme, updateProgramme } from "@/lib/programmes/service";

export const createProgrammeAction = actionFor("programmes.createProgramme")
  .input(ZCreateProgramme)
  .action(async ({ input, ctx }) => {
    await createProgramme(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/programmes", query: { done: "saved" } });
  });

export const updateProgrammeAction = actionFor("programmes.updateProgramme")
  .input(ZUpdateProgramme)
  .action(async ({ input, ctx }) => {
    await updateProgramme(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/programmes", query: { done: "saved" } });
  });
