import { randomBytes, randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveArrivalDetails } from "@/lib/arrival/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { type TProcedureRevision, ZExemptCountries, ZProcedureRevision } from "@/lib/visa-procedures/schemas";
import {
  reviseProcedure,
  setYearProcedure,
  updateExemptCountries,
  updateFeeAmount,
} from "@/lib/visa-procedures/service";
import { createViewer } from "./fixtures";

const tag = () => randomBytes(4).toString("hex");
const requestId = "test-visa-admin";

let admin: Viewer;
beforeAll(async () => {
  admin = await createViewer("ADMIN");
});

// Academic years of this file only (others use 2300–2999): one per procedure.
let nextYear = 3100 + randomInt(700);

/** A procedure of one step, active for an academic year of its own. */
async function procedureForYear() {
  const academicYear = nextYear++;
  const procedure = await db.visaProcedure.create({
    data: {
      code: `admin-${tag()}`,
      version: 1,
      nameFr: "Démarche",
      nameEn: "Procedure",
      summaryFr: "…",
      summaryEn: "…",
      deadlineMonths: 2,
      visaTypes: ["VLS_TS"],
      reminderDays: [30, 7],
      steps: { create: [{ position: 0, titleFr: "Dépôt", titleEn: "Deposit", bodyFr: "…", bodyEn: "…" }] },
    },
    select: { id: true, code: true },
  });
  await db.visaProcedureYear.create({ data: { academicYear, procedureId: procedure.id } });
  return { ...procedure, academicYear };
}

function revision(procedureId: string, change: Partial<TProcedureRevision> = {}): TProcedureRevision {
  return ZProcedureRevision.parse({
    procedureId,
    nameFr: "Démarche révisée",
    nameEn: "Revised procedure",
    summaryFr: "Résumé",
    summaryEn: "Summary",
    deadlineMonths: "3",
    visaTypes: "VLS_TS",
    reminderDays: "14, 30, 7, 7",
    steps: JSON.stringify([
      {
        titleFr: "Timbre",
        titleEn: "Stamp",
        bodyFr: "…",
        bodyEn: "…",
        feeId: null,
        documents: [{ labelFr: "Reçu", labelEn: "Receipt", uploadKind: "VISA_FEE_RECEIPT" }],
      },
      { titleFr: "En ligne", titleEn: "Online", bodyFr: "…", bodyEn: "…", feeId: null, documents: [] },
    ]),
    ...change,
  });
}

async function acceptedStudentOf(academicYear: number) {
  const student = await createViewer("STUDENT");
  await db.application.create({
    data: {
      studentId: student.id,
      status: "ACCEPTED",
      nationality: "BR",
      academicYear,
      decidedAt: new Date(Date.UTC(academicYear, 5, 1)),
    },
  });
  return student;
}

describe("versioned procedures (R-VIS-1…4)", () => {
  it("an edit before any student started changes the version in place", async () => {
    const procedure = await procedureForYear();
    const result = await reviseProcedure(admin, revision(procedure.id), requestId);
    expect(result).toEqual({ id: procedure.id, version: 1, newVersion: false });
    const saved = await db.visaProcedure.findUniqueOrThrow({
      where: { id: procedure.id },
      select: {
        deadlineMonths: true,
        reminderDays: true,
        steps: { orderBy: { position: "asc" }, select: { titleEn: true, documents: { select: { uploadKind: true } } } },
      },
    });
    expect(saved).toEqual({
      deadlineMonths: 3,
      reminderDays: [30, 14, 7],
      steps: [
        { titleEn: "Stamp", documents: [{ uploadKind: "VISA_FEE_RECEIPT" }] },
        { titleEn: "Online", documents: [] },
      ],
    });
    expect(
      await db.auditEvent.count({
        where: { entityType: "VisaProcedure", entityId: procedure.id, action: "visaProcedure.update" },
      }),
    ).toBe(1);
  });

  it("once a student started it, an edit makes the next version; the student keeps theirs, the year moves on", async () => {
    const procedure = await procedureForYear();
    const student = await acceptedStudentOf(procedure.academicYear);
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
      requestId,
      new Date(Date.UTC(procedure.academicYear, 8, 1)),
    );
    const oldStep = await db.visaProcedureStep.findFirstOrThrow({
      where: { procedureId: procedure.id },
      select: { id: true, titleEn: true },
    });

    const result = await reviseProcedure(admin, revision(procedure.id), requestId);
    expect(result).toMatchObject({ version: 2, newVersion: true });
    expect(result.id).not.toBe(procedure.id);
    // The old version: unchanged, superseded, still the student's.
    const old = await db.visaProcedure.findUniqueOrThrow({
      where: { id: procedure.id },
      select: { deadlineMonths: true, supersededAt: true, steps: { select: { id: true, titleEn: true } } },
    });
    expect(old.deadlineMonths).toBe(2);
    expect(old.supersededAt).not.toBeNull();
    expect(old.steps).toEqual([oldStep]);
    expect(
      (
        await db.arrivalChecklist.findFirstOrThrow({
          where: { application: { studentId: student.id } },
          select: { procedureId: true },
        })
      ).procedureId,
    ).toBe(procedure.id);
    // The year follows the new one: the next student starts it.
    expect(
      (await db.visaProcedureYear.findUniqueOrThrow({ where: { academicYear: procedure.academicYear } })).procedureId,
    ).toBe(result.id);
    const newcomer = await acceptedStudentOf(procedure.academicYear);
    expect(
      (
        await saveArrivalDetails(
          newcomer,
          { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
          requestId,
          new Date(Date.UTC(procedure.academicYear, 8, 1)),
        )
      ).procedureId,
    ).toBe(result.id);

    // The superseded version cannot be edited, nor chosen for a year.
    await expect(reviseProcedure(admin, revision(procedure.id), requestId)).rejects.toMatchObject({
      code: "procedureSuperseded",
    });
    await expect(
      setYearProcedure(admin, { academicYear: procedure.academicYear, procedureId: procedure.id }, requestId),
    ).rejects.toMatchObject({ code: "procedureSuperseded" });
  });

  it("two admins saving the same version at once: one edit lands, the other is refused", async () => {
    const procedure = await procedureForYear();
    const student = await acceptedStudentOf(procedure.academicYear);
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
      requestId,
      new Date(Date.UTC(procedure.academicYear, 8, 1)),
    );
    const outcomes = await Promise.allSettled([
      reviseProcedure(admin, revision(procedure.id), requestId),
      reviseProcedure(admin, revision(procedure.id), requestId),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect((refused.reason as DomainError).code).toBe("procedureSuperseded");
    expect(await db.visaProcedure.count({ where: { code: procedure.code } })).toBe(2);
  });

  it("a step naming a fee that no longer exists is refused, and nothing changes", async () => {
    const procedure = await procedureForYear();
    const input = revision(procedure.id);
    input.steps[0]!.feeId = "00000000-0000-4000-8000-000000000000";
    await expect(reviseProcedure(admin, input, requestId)).rejects.toMatchObject({ code: "choiceGone" });
    expect(
      (await db.visaProcedure.findUniqueOrThrow({ where: { id: procedure.id }, select: { deadlineMonths: true } }))
        .deadlineMonths,
    ).toBe(2);
  });
});

describe("a year given its procedure late", () => {
  it("starts it for the year's students who had said they hold a visa it validates", async () => {
    const academicYear = nextYear++;
    const waiting = await acceptedStudentOf(academicYear);
    const european = await acceptedStudentOf(academicYear);
    await saveArrivalDetails(
      waiting,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
      requestId,
      new Date(Date.UTC(academicYear, 8, 1)),
    );
    await saveArrivalDetails(
      european,
      { nationality: "DE", visaType: "NONE", arrivalDate: null },
      requestId,
      new Date(Date.UTC(academicYear, 8, 1)),
    );
    const procedure = await db.visaProcedure.create({
      data: {
        code: `late-${tag()}`,
        version: 1,
        nameFr: "N",
        nameEn: "N",
        summaryFr: "S",
        summaryEn: "S",
        deadlineMonths: 2,
        visaTypes: ["VLS_TS"],
        reminderDays: [7],
      },
      select: { id: true },
    });
    await setYearProcedure(admin, { academicYear, procedureId: procedure.id }, requestId);
    const pinned = async (viewer: Viewer) =>
      (
        await db.arrivalChecklist.findFirstOrThrow({
          where: { application: { studentId: viewer.id } },
          select: { procedureId: true },
        })
      ).procedureId;
    expect(await pinned(waiting)).toBe(procedure.id);
    expect(await pinned(european)).toBeNull();
  });
});

describe("fees and the visa-exempt list", () => {
  it("a fee's amount changes and is audited", async () => {
    const fee = await db.visaFee.create({
      data: { code: `fee-${tag()}`, nameFr: "Timbre", nameEn: "Stamp", amountCents: 5800 },
    });
    await updateFeeAmount(admin, { feeId: fee.id, amount: 6000 }, requestId);
    expect((await db.visaFee.findUniqueOrThrow({ where: { id: fee.id } })).amountCents).toBe(6000);
    expect(await db.auditEvent.count({ where: { entityType: "VisaFee", entityId: fee.id } })).toBe(1);
  });

  it("the exempt list is replaced as a whole and audited", async () => {
    // Other test files read this list at the same time: only Kosovo (which none uses) is added, then removed.
    const before = await db.countryList.findUnique({ where: { code: "visa-exempt" } });
    const countries = [...new Set([...(before?.countries ?? ["DE"]), "XK"])].sort();
    try {
      await updateExemptCountries(admin, ZExemptCountries.parse({ countries }), requestId);
      expect((await db.countryList.findUniqueOrThrow({ where: { code: "visa-exempt" } })).countries).toEqual(countries);
      expect(await db.auditEvent.count({ where: { entityType: "CountryList", actorId: admin.id } })).toBe(1);
    } finally {
      if (before)
        await db.countryList.update({ where: { code: "visa-exempt" }, data: { countries: before.countries } });
    }
  });
});
