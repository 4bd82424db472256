/**
 * Issue 14, "texts that agree with the data": what the public pages say about the residence
 * permit comes from the procedure an admin set for the academic year, never a figure written twice.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { getYearProcedureGuidance } from "@/lib/visa-procedures/queries";

/** A procedure of one step asking for one document, set for `year` (far-off years: tests share the database). */
async function procedureForYear(year: number, deadlineMonths: number, uploadKind: DocumentKind) {
  const procedure = await db.visaProcedure.create({
    data: {
      code: `test-${randomBytes(4).toString("hex")}`,
      version: 1,
      nameFr: "Procédure",
      nameEn: "Procedure",
      summaryFr: "—",
      summaryEn: "—",
      deadlineMonths,
      visaTypes: ["VLS_TS"],
      reminderDays: [7],
      steps: {
        create: {
          position: 1,
          titleFr: "Étape",
          titleEn: "Step",
          bodyFr: "—",
          bodyEn: "—",
          documents: { create: { position: 1, labelFr: "Pièce", labelEn: "Copy", uploadKind } },
        },
      },
    },
  });
  await db.visaProcedureYear.upsert({
    where: { academicYear: year },
    create: { academicYear: year, procedureId: procedure.id },
    update: { procedureId: procedure.id },
  });
}

describe("the residence-permit guidance follows the year's procedure (R-VIS-1)", () => {
  it("says the online procedure's 3 months and that there is no paper file", async () => {
    await procedureForYear(2091, 3, "VISA_VALIDATION_PROOF");
    expect(await getYearProcedureGuidance(2091)).toEqual({ deadlineMonths: 3, paperFile: false });
  });

  it("says the paper route's 2 months and its OFII file to deposit", async () => {
    await procedureForYear(2093, 2, "VISA_OFII_FORM");
    expect(await getYearProcedureGuidance(2093)).toEqual({ deadlineMonths: 2, paperFile: true });
  });

  it("falls back on the next year's procedure, and on nothing when neither is set", async () => {
    await procedureForYear(2096, 4, "VISA_VALIDATION_PROOF");
    expect(await getYearProcedureGuidance(2095)).toEqual({ deadlineMonths: 4, paperFile: false });
    expect(await getYearProcedureGuidance(2098)).toBeNull();
  });
});
