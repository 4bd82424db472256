"use server";

import { getLocale } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { redirect } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { ZCreateResidence, ZSetCapacities, ZUpdateResidence } from "@/lib/residences/schemas";
import { createResidence, setCapacities, updateResidence } from "@/lib/residences/service";

// A new residence opens on its own page: its rooms per semester are set there next.
export const createResidenceAction = actionFor("residences.createResidence")
  .input(ZCreateResidence)
  .action(async ({ input, ctx }) => {
    const { id } = await createResidence(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: `/admin/residences/${id}`, query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const updateResidenceAction = actionFor("residences.updateResidence")
  .input(ZUpdateResidence)
  .action(async ({ input, ctx }) => {
    await updateResidence(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: "/admin/residences", query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });

export const setCapacitiesAction = actionFor("residences.setCapacities")
  .input(ZSetCapacities)
  .action(async ({ input, ctx }) => {
    await setCapacities(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    redirect({
      href: { pathname: `/admin/residences/${input.residenceId}`, query: { done: "saved" } },
      locale: (await getLocale()) as AppLocale,
    });
  });
