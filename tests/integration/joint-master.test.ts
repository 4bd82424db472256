/**
 * Joint-master mobility (issue 18) against a real PostgreSQL: runs kept whole, fixed paths
 * audited, publication gated by the checker and mailed, the student's wishes checked at once,
 * a bad import leaving the intake unchanged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { AllocationResult } from "@/lib/joint-master/allocate";
import {
  approveThesis,
  createIntake,
  fixStudentPath,
  importStudents,
  publishRun,
  runAllocation,
  saveOwnWishes,
  setSeats,
} from "@/lib/joint-master/service";
import { readOutbox } from "@/lib/mail/outbox";
import { twelveStudentCsv } from "../support/joint-master-csv";
import { createViewer } from "./fixtures";
import { uniqueEmail } from "./helpers";

let admin: Viewer;
let intakeId: string;
const emails = new Map<string, string>();
const emailOf = (number: string) => {
  if (!emails.has(number)) emails.set(number, uniqueEmail(`jm-${number.toLowerCase()}`));
  return emails.get(number)!;
};
const actor = () => ({ id: admin.id, requestId: "test" });

beforeAll(async () => {
  admin = await createViewer("ADMIN");
  const intake = await createIntake(`Europhotonics test ${Date.now()}`, actor());
  intakeId = intake.id;
  await setSeats({ intakeId, semester: 3, university: "UPC", seats: 2 }, actor());
  expect(await importStudents(intakeId, twelveStudentCsv(emailOf), actor())).toBe(12);
});

describe("runs", () => {
  it("keeps the input, the result with its explanations and the solver statistics", async () => {
    const { id, status } = await runAllocation(intakeId, actor());
    expect(status).toBe("ALLOCATED");
    const run = await db.jointMasterRun.findUniqueOrThrow({ where: { id } });
    const result = run.result as unknown as AllocationResult;
    expect(result.status).toBe("allocated");
    if (result.status !== "allocated") return;
    expect(result.students).toHaveLength(12);
    // Two Barcelona seats: E01 and E02 (ranked first) keep theirs, E03 is told why not.
    const e03 = result.students.find((outcome) => outcome.studentId === "E03")!;
    expect(e03.wishRank).toBe(2);
    expect(e03.refused[0]!.reasons[0]).toMatchObject({ code: "R-MOB-4", university: "UPC" });
    expect(run.stats).toMatchObject({ students: 12 });
    expect((run.stats as { solves: number }).solves).toBeGreaterThan(0);
    expect(run.input).toMatchObject({ students: expect.any(Array), consortium: expect.any(Object) });
  });

  it("a fixed path is audited and shown as fixed in the next run", async () => {
    const student = await db.jointMasterStudent.findFirstOrThrow({ where: { intakeId, studentNumber: "E12" } });
    await fixStudentPath({ studentId: student.id, semester2: "KIT", semester3: "TAU" }, actor());
    const audit = await db.auditEvent.findFirst({
      where: { action: "jointMaster.fixPath", entityId: student.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, after: { semester2: "KIT", semester3: "TAU" } });
    const { id } = await runAllocation(intakeId, actor());
    const result = (await db.jointMasterRun.findUniqueOrThrow({ where: { id } })).result as unknown as AllocationResult;
    expect(result.status === "allocated" && result.students.find((o) => o.studentId === "E12")).toMatchObject({
      path: { semester2: "KIT", semester3: "TAU" },
      fixedByCoordinator: true,
    });
  });

  it("a fixed path that breaks a rule is refused and nothing changes", async () => {
    const student = await db.jointMasterStudent.findFirstOrThrow({ where: { intakeId, studentNumber: "E03" } });
    await expect(
      fixStudentPath({ studentId: student.id, semester2: "KIT", semester3: "AMU" }, actor()),
    ).rejects.toMatchObject({
      code: "jointMasterFixRefused",
      params: { reason: "countries" },
    });
    expect(await db.jointMasterStudent.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({
      fixedSemester2: null,
    });
  });

  it("publishing mails each student their path, once", async () => {
    const { id } = await runAllocation(intakeId, actor());
    expect(await publishRun(id, actor())).toEqual({ mailed: 12, intakeId });
    await expect(publishRun(id, actor())).rejects.toMatchObject({ code: "jointMasterAlreadyPublished" });
    const outbox = await readOutbox(env().MAIL_SINK_DIR!);
    const mail = outbox.find((message) => message.to.includes(emailOf("E12")));
    expect(mail?.text).toContain("Semester 3: Tampere University");
  });
});

describe("the checker guards publication", () => {
  it("refuses a run whose stored allocation breaks a rule, and leaves it unpublished", async () => {
    const { id } = await runAllocation(intakeId, actor());
    const run = await db.jointMasterRun.findUniqueOrThrow({ where: { id } });
    const result = run.result as unknown as AllocationResult;
    if (result.status !== "allocated") throw new Error("expected an allocation");
    // A French-degree student sent back to Marseille: one foreign country only (R-MOB-2).
    const tampered = {
      ...result,
      students: result.students.map((outcome) =>
        outcome.studentId === "E03" ? { ...outcome, path: { semester2: "KIT", semester3: "AMU" } } : outcome,
      ),
    };
    await db.jointMasterRun.update({ where: { id }, data: { result: JSON.parse(JSON.stringify(tampered)) } });
    await expect(publishRun(id, actor())).rejects.toMatchObject({ code: "jointMasterRunBreaksRules" });
    expect((await db.jointMasterRun.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
  });
});

describe("an infeasible intake", () => {
  it("is kept with its contradiction and cannot be published", async () => {
    const intake = await createIntake(`Europhotonics infeasible ${Date.now()}`, actor());
    const csv = [
      "student_number,name,email,last_degree_country,scholarship,ranking,wishes,thesis_university",
      `T1,Tiger French,${uniqueEmail("jm-t1")},FR,TIGER,1,,`,
    ].join("\n");
    await importStudents(intake.id, csv, actor());
    const { id, status } = await runAllocation(intake.id, actor());
    expect(status).toBe("INFEASIBLE");
    const run = await db.jointMasterRun.findUniqueOrThrow({ where: { id } });
    expect(run.result).toMatchObject({
      status: "infeasible",
      contradictions: [
        { code: "R-MOB-5", studentIds: ["T1"] },
        { code: "R-MOB-2", studentIds: ["T1"] },
      ],
    });
    await expect(publishRun(id, actor())).rejects.toMatchObject({ code: "jointMasterRunInfeasible" });
  });
});

describe("import", () => {
  it("refuses the whole file on a bad row, naming its line, and leaves the intake unchanged", async () => {
    const before = await db.jointMasterStudent.count({ where: { intakeId } });
    const csv = [
      "student_number,name,email,last_degree_country,scholarship,ranking,wishes,thesis_university",
      `Z1,Zed One,${uniqueEmail("jm-z1")},IN,,1,KIT-UPC,`,
      `Z2,Zed Two,${uniqueEmail("jm-z2")},IN,,first,KIT-UPC,`,
    ].join("\n");
    await expect(importStudents(intakeId, csv, actor())).rejects.toMatchObject({
      code: "jointMasterImportRow",
      params: { line: "3", column: "ranking" },
    });
    expect(await db.jointMasterStudent.count({ where: { intakeId } })).toBe(before);
  });
});

describe("the student's wishes", () => {
  it("are checked at once against the rules that concern the student alone, naming the rule", async () => {
    const viewer = { id: admin.id, email: emailOf("E03") };
    const wishes = (semester2: string, semester3: string) => ({
      wishes: [{ slot: 1 as const, semester2, semester3 }],
      thesisUniversity: null,
      thesisSubject: null,
    });
    await expect(saveOwnWishes(viewer, wishes("KIT", "AMU"), actor())).rejects.toMatchObject({
      code: "jointMasterWishCountries",
      params: { rank: "1" },
    });
    await expect(saveOwnWishes(viewer, wishes("KIT", "MIT"), actor())).rejects.toMatchObject({
      code: "jointMasterWishUnknownUniversity",
    });
    await saveOwnWishes(viewer, { ...wishes("KIT", "VU"), thesisSubject: "Nonlinear photonics" }, actor());
    const student = await db.jointMasterStudent.findFirstOrThrow({ where: { intakeId, studentNumber: "E03" } });
    expect(student.wishes).toEqual([{ semester2: "KIT", semester3: "VU" }]);

    // R-MOB-6: the board's approval is recorded.
    await approveThesis(student.id, actor());
    expect(await db.jointMasterStudent.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({
      thesisApprovedBy: admin.id,
      thesisApprovedAt: expect.any(Date),
    });
  });
});
