"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZCreateResidence, ZSetCapacities, ZUpdateResidence } from "@/lib/residences/schemas";
import { createResidence, setCapacities, updateResidence } from "@/lib/residences/service";

// A new residence opens on its own page: its rooms per semester are set there next.
export const createResidenceAction = actionFor("residences.createResidence")
  .input(ZCreateResidence)
  .action(async ({ input, ctx }) => {
    const { id } = await createResidence(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/residences/${id}`, query: { done: "saved" } });
  });

export const updateResidenceAction = actionFor("residences.updateResidence")
  .input(ZUpdateResidence)
  .action(async ({ input, ctx }) => {
    await updateResidence(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/residences", query: { done: "saved" } });
  });

export const setCapacitiesAction = actionFor("residences.setCapacities")
  .input(ZSetCapacities)
  .action(async ({ input, ctx }) => {
    await setCapacities(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/residences/${input.residenceId}`, query: { done: "saved" } });
  });
