"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { mailMentors } from "@/lib/integration/mentors/mail";
import { ZAddMentorTeacher, ZAssignMentor } from "@/lib/integration/mentors/schemas";
import { addMentorTeacher, assignMentor } from "@/lib/integration/mentors/service";

export const addMentorTeacherAction = actionFor("mentors.addTeacher")
  .input(ZAddMentorTeacher)
  .action(async ({ input, ctx }) => {
    await addMentorTeacher(ctx.viewer, input, ctx.requestId);
    await redirectInLocale({ pathname: "/review/mentors", query: { done: "added" } });
  });

/** R-INT-2: one teacher for every ticked student; each new mentor is e-mailed once committed. */
export const assignMentorAction = actionFor("mentors.assign")
  .input(ZAssignMentor)
  .action(async ({ input, ctx }) => {
    const { assigned, mails } = await assignMentor(ctx.viewer, input, ctx.requestId);
    await mailMentors(mails, ctx.requestId);
    await redirectInLocale({ pathname: "/review/mentors", query: { assigned: String(assigned) } });
  });
