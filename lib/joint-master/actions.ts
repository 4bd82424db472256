"use server";

import { actionFor } from "@/lib/actions/chain";
import { redirectInLocale } from "@/lib/i18n/redirect";
import {
  ZCreateIntake,
  ZFixStudentPath,
  ZImportStudents,
  ZIntakeRef,
  ZRunRef,
  ZSaveWishes,
  ZSetSeats,
  ZStudentRef,
} from "@/lib/joint-master/schemas";
import {
  approveThesis,
  clearStudentPath,
  createIntake,
  fixStudentPath,
  importStudents,
  publishRun,
  runAllocation,
  saveOwnWishes,
  setSeats,
} from "@/lib/joint-master/service";

// The coordinator's acts land back on the intake (or the run) with "saved": the page shows the
// new state, read again from the database.
const toIntake = (intakeId: string) =>
  redirectInLocale({ pathname: `/admin/joint-master/${intakeId}`, query: { done: "saved" } });

export const createIntakeAction = actionFor("jointMaster.createIntake")
  .input(ZCreateIntake)
  .action(async ({ input, ctx }) => {
    const intake = await createIntake(input.name, { id: ctx.viewer.id, requestId: ctx.requestId });
    await toIntake(intake.id);
  });

export const importStudentsAction = actionFor("jointMaster.importStudents")
  .input(ZImportStudents)
  .action(async ({ input, ctx }) => {
    await importStudents(input.intakeId, input.csv, { id: ctx.viewer.id, requestId: ctx.requestId });
    await toIntake(input.intakeId);
  });

export const setSeatsAction = actionFor("jointMaster.setSeats")
  .input(ZSetSeats)
  .action(async ({ input, ctx }) => {
    await setSeats(input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await toIntake(input.intakeId);
  });

export const fixStudentPathAction = actionFor("jointMaster.fixStudentPath")
  .input(ZFixStudentPath)
  .action(async ({ input, ctx }) => {
    await toIntake(await fixStudentPath(input, { id: ctx.viewer.id, requestId: ctx.requestId }));
  });

export const clearStudentPathAction = actionFor("jointMaster.clearStudentPath")
  .input(ZStudentRef)
  .action(async ({ input, ctx }) => {
    await toIntake(await clearStudentPath(input.studentId, { id: ctx.viewer.id, requestId: ctx.requestId }));
  });

export const approveThesisAction = actionFor("jointMaster.approveThesis")
  .input(ZStudentRef)
  .action(async ({ input, ctx }) => {
    await toIntake(await approveThesis(input.studentId, { id: ctx.viewer.id, requestId: ctx.requestId }));
  });

export const runAllocationAction = actionFor("jointMaster.runAllocation")
  .input(ZIntakeRef)
  .action(async ({ input, ctx }) => {
    const run = await runAllocation(input.intakeId, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/joint-master/runs/${run.id}` });
  });

export const publishRunAction = actionFor("jointMaster.publishRun")
  .input(ZRunRef)
  .action(async ({ input, ctx }) => {
    await publishRun(input.runId, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: `/admin/joint-master/runs/${input.runId}`, query: { done: "saved" } });
  });

export const saveOwnWishesAction = actionFor("jointMasterStudent.saveWishes")
  .input(ZSaveWishes)
  .action(async ({ input, ctx }) => {
    await saveOwnWishes(ctx.viewer, input, { id: ctx.viewer.id, requestId: ctx.requestId });
    await redirectInLocale({ pathname: "/joint-master", query: { done: "saved" } });
  });
