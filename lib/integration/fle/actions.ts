"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { ZCreateFleCourse, ZDeleteFleCourse } from "@/lib/integration/fle/schemas";
import { createFleCourse, deleteFleCourse } from "@/lib/integration/fle/service";

export const createFleCourseAction = actionFor("fleCourses.create")
  .input(ZCreateFleCourse)
  .action(async ({ input, ctx }) => {
    await createFleCourse(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/integration", query: { done: "saved" } });
  });

export const deleteFleCourseAction = actionFor("fleCourses.delete")
  .input(ZDeleteFleCourse)
  .action(async ({ input, ctx }) => {
    await deleteFleCourse(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/admin/integration", query: { done: "deleted" } });
  });
