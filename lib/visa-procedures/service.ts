import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { visaExemptListCode } from "@/lib/country-lists";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";
import type {
  TExemptCountries,
  TFeeAmount,
  TProcedureRevision,
  TProcedureStep,
  TYearProcedure,
} from "@/lib/visa-procedures/schemas";

/**
 * The administration of residence-permit procedures (R-VIS-1…6): the only writer of
 * procedures, their steps, fees, the procedure of each academic year and the visa-exempt list.
 * Callers are admins (adminAction); every change is audited in its transaction.
 */

type Admin = Pick<Viewer, "id">;

function stepsData(steps: TProcedureStep[]) {
  return steps.map(({ documents, ...step }, position) => ({
    ...step,
    position,
    documents: { create: documents.map((document, index) => ({ ...document, position: index })) },
  }));
}

/**
 * An admin's edit of a procedure. While no student has started it, the version is changed in
 * place. Once one has, it is frozen (the student keeps the version they started): the edit
 * becomes the next version, which replaces the old one for every academic year that used it.
 * Only the latest version can be edited; the row lock makes two admins' edits queue up, and the
 * second one, finding its version superseded, is refused.
 */
export async function reviseProcedure(admin: Admin, input: TProcedureRevision, requestId: string) {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "VisaProcedure" WHERE "id" = ${input.procedureId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError();
    const current = await tx.visaProcedure.findUniqueOrThrow({
      where: { id: input.procedureId },
      select: {
        id: true,
        code: true,
        version: true,
        supersededAt: true,
        deadlineMonths: true,
        visaTypes: true,
        excludedNationalities: true,
        reminderDays: true,
        _count: { select: { checklists: true, steps: true } },
      },
    });
    if (current.supersededAt) throw new DomainError("procedureSuperseded");
    await checkFees(tx, input.steps);
    const { procedureId: _id, steps, ...fields } = input;
    const before = {
      version: current.version,
      deadlineMonths: current.deadlineMonths,
      visaTypes: current.visaTypes,
      excludedNationalities: current.excludedNationalities,
      reminderDays: current.reminderDays,
      steps: current._count.steps,
    };
    const after = {
      deadlineMonths: fields.deadlineMonths,
      visaTypes: fields.visaTypes,
      excludedNationalities: fields.excludedNationalities,
      reminderDays: fields.reminderDays,
      steps: steps.length,
    };

    if (current._count.checklists === 0) {
      await tx.visaProcedureStep.deleteMany({ where: { procedureId: current.id } });
      await tx.visaProcedure.update({
        where: { id: current.id },
        data: { ...fields, steps: { create: stepsData(steps) } },
      });
      await recordAudit(tx, {
        actorId: admin.id,
        action: "visaProcedure.update",
        entityType: "VisaProcedure",
        entityId: current.id,
        before,
        after: { ...after, version: current.version },
        requestId,
      });
      return { id: current.id, version: current.version, newVersion: false };
    }

    const latest = await tx.visaProcedure.aggregate({ where: { code: current.code }, _max: { version: true } });
    const version = (latest._max.version ?? current.version) + 1;
    const created = await tx.visaProcedure.create({
      data: { ...fields, code: current.code, version, steps: { create: stepsData(steps) } },
      select: { id: true },
    });
    await tx.visaProcedure.update({ where: { id: current.id }, data: { supersededAt: new Date() } });
    const years = await tx.visaProcedureYear.updateMany({
      where: { procedureId: current.id },
      data: { procedureId: created.id },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "visaProcedure.newVersion",
      entityType: "VisaProcedure",
      entityId: created.id,
      before: { ...before, id: current.id, startedBy: current._count.checklists },
      after: { ...after, version, academicYearsMoved: years.count },
      requestId,
    });
    return { id: created.id, version, newVersion: true };
  });
}

/** A step may only name a fee that exists (the editor offers the list; a stale page may not). */
async function checkFees(tx: Tx, steps: TProcedureStep[]) {
  const feeIds = [...new Set(steps.flatMap((step) => (step.feeId ? [step.feeId] : [])))];
  if (feeIds.length === 0) return;
  const found = await tx.visaFee.count({ where: { id: { in: feeIds } } });
  if (found !== feeIds.length) throw new DomainError("choiceGone");
}

/**
 * The procedure new checklists of an academic year follow (students who started keep theirs).
 * Students of that year who had said they hold a visa it validates, before any procedure was
 * set, start it now: their checklist, reminders and the staff's list follow.
 */
export async function setYearProcedure(admin: Admin, input: TYearProcedure, requestId: string) {
  return db.$transaction(async (tx) => {
    // Shared lock: a revision making this version superseded waits, or has already committed.
    const locked = await tx.$queryRaw<
      { id: string; supersededAt: Date | null; visaTypes: string[]; excludedNationalities: string[] }[]
    >`
      SELECT "id", "supersededAt", "visaTypes"::text[] AS "visaTypes", "excludedNationalities" FROM "VisaProcedure" WHERE "id" = ${input.procedureId}::uuid FOR SHARE`;
    const procedure = locked[0];
    if (!procedure) throw new DomainError("choiceGone", {}, "procedureId");
    if (procedure.supersededAt) throw new DomainError("procedureSuperseded", {}, "procedureId");
    const previous = await tx.visaProcedureYear.findUnique({
      where: { academicYear: input.academicYear },
      select: { procedureId: true },
    });
    await tx.visaProcedureYear.upsert({
      where: { academicYear: input.academicYear },
      create: input,
      update: { procedureId: input.procedureId },
    });
    const exempt = await findVisaExemptCountries(tx);
    const pinned = await tx.$executeRaw`
      UPDATE "ArrivalChecklist" c SET "procedureId" = ${procedure.id}::uuid, "updatedAt" = now()
      FROM "Application" a
      WHERE a."id" = c."applicationId" AND a."academicYear" = ${input.academicYear} AND c."procedureId" IS NULL
        AND c."visaType"::text = ANY(${procedure.visaTypes}::text[])
        AND NOT (c."nationality" = ANY(${exempt}::text[])) AND NOT (c."nationality" = ANY(${procedure.excludedNationalities}::text[]))`;
    await recordAudit(tx, {
      actorId: admin.id,
      action: "visaProcedure.setYear",
      entityType: "VisaProcedureYear",
      entityId: String(input.academicYear),
      before: previous ? { procedureId: previous.procedureId } : undefined,
      after: { procedureId: input.procedureId, checklistsStarted: pinned },
      requestId,
    });
  });
}

/** A fee's amount (the OFII stamp, the electronic tax stamp): shown at once on every step naming it. */
export async function updateFeeAmount(admin: Admin, input: TFeeAmount, requestId: string) {
  return db.$transaction(async (tx) => {
    const fee = await tx.visaFee.findUnique({ where: { id: input.feeId }, select: { amountCents: true } });
    if (!fee) throw new NotFoundError();
    await tx.visaFee.update({ where: { id: input.feeId }, data: { amountCents: input.amount } });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "visaFee.update",
      entityType: "VisaFee",
      entityId: input.feeId,
      before: { amountCents: fee.amountCents },
      after: { amountCents: input.amount },
      requestId,
    });
  });
}

/** R-VIS-6: the nationalities that need no visa (EU, EEA, Switzerland). */
export async function updateExemptCountries(admin: Admin, input: TExemptCountries, requestId: string) {
  return db.$transaction(async (tx) => {
    const previous = await tx.countryList.findUnique({
      where: { code: visaExemptListCode },
      select: { countries: true },
    });
    await tx.countryList.upsert({
      where: { code: visaExemptListCode },
      create: { code: visaExemptListCode, countries: input.countries },
      update: { countries: input.countries },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "countryList.update",
      entityType: "CountryList",
      entityId: visaExemptListCode,
      before: previous ? { countries: previous.countries } : undefined,
      after: { countries: input.countries },
      requestId,
    });
  });
}
