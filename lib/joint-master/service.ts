import "server-only";
import { recordAudit } from "@/lib/audit";
import { csvRecords } from "@/lib/csv";
import { db, type Tx } from "@/lib/db";
import { DomainError, type ErrorCode, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AllocationResult, allocateCohort } from "@/lib/joint-master/allocate";
import { type csvColumns, parseWishes } from "@/lib/joint-master/csv-import";
import { europhotonics } from "@/lib/joint-master/europhotonics";
import { checkAllocation, pathViolations, type ViolationCode } from "@/lib/joint-master/rules";
import {
  type TAllocationInput,
  type TConsortium,
  type TImportedStudent,
  type TSaveWishes,
  ZAllocationInput,
  ZConsortium,
  ZImportedStudent,
  ZWish,
} from "@/lib/joint-master/schemas";
import { logInfo } from "@/lib/log";
import { notify } from "@/lib/mail/notify";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId: string };

const json = (value: unknown) => value as Prisma.InputJsonValue;

async function intakeOrThrow(tx: Tx | typeof db, intakeId: string) {
  const intake = await tx.jointMasterIntake.findUnique({ where: { id: intakeId } });
  if (!intake) throw new NotFoundError();
  return { ...intake, consortium: ZConsortium.parse(intake.consortium) };
}

/** A new intake starts from the Europhotonics consortium as the seed states it; seats are then set. */
export async function createIntake(name: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (await tx.jointMasterIntake.findUnique({ where: { name }, select: { id: true } })) {
      throw new DomainError("jointMasterIntakeExists", {}, "name");
    }
    const intake = await tx.jointMasterIntake.create({ data: { name, consortium: json(europhotonics) } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.createIntake",
      entityType: "JointMasterIntake",
      entityId: intake.id,
      after: { name },
      requestId: actor.requestId,
    });
    return intake;
  });
}

/** R-MOB-4: a partner's seats for a semester of the intake (null: no cap). */
export async function setSeats(
  input: { intakeId: string; semester: 2 | 3; university: string; seats: number | null },
  actor: Actor,
) {
  await db.$transaction(async (tx) => {
    const intake = await intakeOrThrow(tx, input.intakeId);
    const offer = intake.consortium.offers.find(
      (candidate) => candidate.semester === input.semester && candidate.university === input.university,
    );
    if (!offer) throw new NotFoundError();
    const consortium: TConsortium = {
      ...intake.consortium,
      offers: intake.consortium.offers.map((candidate) =>
        candidate === offer ? { ...candidate, seats: input.seats } : candidate,
      ),
    };
    await tx.jointMasterIntake.update({ where: { id: intake.id }, data: { consortium: json(consortium) } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.setSeats",
      entityType: "JointMasterIntake",
      entityId: intake.id,
      before: { semester: input.semester, university: input.university, seats: offer.seats },
      after: { semester: input.semester, university: input.university, seats: input.seats },
      requestId: actor.requestId,
    });
  });
}

const columnOf: Record<keyof TImportedStudent, (typeof csvColumns)[number]> = {
  studentNumber: "student_number",
  name: "name",
  email: "email",
  lastDegreeCountry: "last_degree_country",
  scholarship: "scholarship",
  ranking: "ranking",
  wishes: "wishes",
  thesisUniversity: "thesis_university",
};

/**
 * The intake's students from a CSV: all rows or none. A bad row names its line and column; a
 * student number already in the intake is updated (re-importing a corrected file is normal),
 * keeping what the coordinator fixed.
 */
export async function importStudents(intakeId: string, csv: string, actor: Actor) {
  const records = csvRecords(csv);
  if (records.length === 0) throw new DomainError("jointMasterImportEmpty", {}, "csv");
  if (records.length > 5_000) throw new DomainError("validation.tooMany", {}, "csv");
  const seen = new Set<string>();
  const students = records.map((record, index) => {
    const parsed = ZImportedStudent.safeParse({
      studentNumber: record.student_number ?? "",
      name: record.name ?? "",
      email: record.email ?? "",
      lastDegreeCountry: record.last_degree_country ?? "",
      scholarship: record.scholarship ?? "",
      ranking: record.ranking ?? "",
      wishes: parseWishes(record.wishes ?? ""),
      thesisUniversity: record.thesis_university ?? "",
    });
    const line = String(index + 2);
    if (!parsed.success) {
      const field = parsed.error.issues[0]!.path[0] as keyof TImportedStudent;
      throw new DomainError("jointMasterImportRow", { line, column: columnOf[field] ?? String(field) }, "csv");
    }
    if (seen.has(parsed.data.studentNumber)) throw new DomainError("jointMasterImportDuplicate", { line }, "csv");
    seen.add(parsed.data.studentNumber);
    return parsed.data;
  });
  return db.$transaction(
    async (tx) => {
      await intakeOrThrow(tx, intakeId);
      for (const student of students) {
        const data = {
          name: student.name,
          email: student.email,
          lastDegreeCountry: student.lastDegreeCountry,
          scholarship: student.scholarship,
          ranking: student.ranking,
          wishes: json(student.wishes),
          thesisUniversity: student.thesisUniversity,
        };
        await tx.jointMasterStudent.upsert({
          where: { intakeId_studentNumber: { intakeId, studentNumber: student.studentNumber } },
          create: { intakeId, studentNumber: student.studentNumber, ...data },
          update: data,
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "jointMaster.importStudents",
        entityType: "JointMasterIntake",
        entityId: intakeId,
        after: { students: students.length },
        requestId: actor.requestId,
      });
      return students.length;
    },
    { timeout: 60_000 },
  );
}

const wishErrorOf: Record<ViolationCode, ErrorCode> = {
  "R-MOB-1": "jointMasterWishUniversities",
  "R-MOB-2": "jointMasterWishCountries",
  "R-MOB-3": "jointMasterWishImpossible",
  "R-MOB-4": "jointMasterWishImpossible",
  "R-MOB-5": "jointMasterWishTrack",
  unknownUniversity: "jointMasterWishUnknownUniversity",
  notOffered: "jointMasterWishNotOffered",
  unallocated: "jointMasterWishImpossible",
  unknownStudent: "jointMasterWishImpossible",
  overrideIgnored: "jointMasterWishImpossible",
};

/** The reason's name in the coordinator's refusal message (an ICU select in errors.json). */
function fixReasonOf(code: ViolationCode): string {
  const reasons: Partial<Record<ViolationCode, string>> = {
    "R-MOB-1": "universities",
    "R-MOB-2": "countries",
    "R-MOB-5": "track",
    unknownUniversity: "unknown",
    notOffered: "notOffered",
  };
  return reasons[code] ?? "other";
}

/**
 * A student's ranked wishes, each checked at once against the rules that concern the student
 * alone (R-MOB-1, R-MOB-2, R-MOB-5): an impossible wish is refused with the rule it breaks.
 * The student is found from their account's e-mail, never from an id they send.
 */
export async function saveOwnWishes(viewer: { id: string; email: string }, input: TSaveWishes, actor: Actor) {
  await db.$transaction(async (tx) => {
    const student = await ownStudentOrThrow(tx, viewer.email);
    const consortium = ZConsortium.parse(student.intake.consortium);
    const keys = new Set<string>();
    for (const [index, { slot, ...wish }] of input.wishes.entries()) {
      const rank = String(index + 1);
      const field = `wish${slot}Semester2`;
      if (!ZWish.safeParse(wish).success) throw new DomainError("jointMasterWishIncomplete", { rank }, field);
      const key = `${wish.semester2}/${wish.semester3}`;
      if (keys.has(key)) throw new DomainError("jointMasterWishDuplicate", { rank }, field);
      keys.add(key);
      const [violation] = pathViolations(consortium, { ...student, id: student.studentNumber }, wish);
      if (violation) throw new DomainError(wishErrorOf[violation.code], { rank }, field);
    }
    const wishes = input.wishes.map(({ semester2, semester3 }) => ({ semester2, semester3 }));
    const thesisKnown =
      input.thesisUniversity === null || consortium.universities.some((u) => u.code === input.thesisUniversity);
    if (!thesisKnown && input.thesisUniversity !== "OUTSIDE") {
      throw new DomainError("validation.invalid", {}, "thesisUniversity");
    }
    const subjectChanged = input.thesisSubject !== student.thesisSubject;
    await tx.jointMasterStudent.update({
      where: { id: student.id },
      data: {
        wishes: json(wishes),
        thesisUniversity: input.thesisUniversity,
        thesisSubject: input.thesisSubject,
        // R-MOB-6: a new subject needs the board's approval again.
        ...(subjectChanged ? { thesisApprovedAt: null, thesisApprovedBy: null } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.saveWishes",
      entityType: "JointMasterStudent",
      entityId: student.id,
      before: { wishes: json(student.wishes), thesisSubject: student.thesisSubject },
      after: { wishes: json(wishes), thesisSubject: input.thesisSubject },
      requestId: actor.requestId,
    });
  });
}

async function ownStudentOrThrow(tx: Tx, email: string) {
  const student = await tx.jointMasterStudent.findFirst({
    where: { email: email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    include: { intake: { select: { consortium: true } } },
  });
  if (!student) throw new NotFoundError();
  return student;
}

/** The coordinator fixes a student's path before the next run (audited; the run shows it as fixed). */
export async function fixStudentPath(
  input: { studentId: string; semester2: string; semester3: string },
  actor: Actor,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const student = await tx.jointMasterStudent.findUnique({
      where: { id: input.studentId },
      include: { intake: { select: { consortium: true } } },
    });
    if (!student) throw new NotFoundError();
    const consortium = ZConsortium.parse(student.intake.consortium);
    const [violation] = pathViolations(consortium, { ...student, id: student.studentNumber }, input);
    if (violation) throw new DomainError("jointMasterFixRefused", { reason: fixReasonOf(violation.code) }, "semester2");
    await tx.jointMasterStudent.update({
      where: { id: student.id },
      data: { fixedSemester2: input.semester2, fixedSemester3: input.semester3 },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.fixPath",
      entityType: "JointMasterStudent",
      entityId: student.id,
      before: { semester2: student.fixedSemester2, semester3: student.fixedSemester3 },
      after: { semester2: input.semester2, semester3: input.semester3 },
      requestId: actor.requestId,
    });
    return student.intakeId;
  });
}

export async function clearStudentPath(studentId: string, actor: Actor): Promise<string> {
  return db.$transaction(async (tx) => {
    const student = await tx.jointMasterStudent.findUnique({ where: { id: studentId } });
    if (!student) throw new NotFoundError();
    await tx.jointMasterStudent.update({
      where: { id: student.id },
      data: { fixedSemester2: null, fixedSemester3: null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.clearPath",
      entityType: "JointMasterStudent",
      entityId: student.id,
      before: { semester2: student.fixedSemester2, semester3: student.fixedSemester3 },
      requestId: actor.requestId,
    });
    return student.intakeId;
  });
}

/** R-MOB-6: the board approves the student's thesis subject; recorded with who and when. */
export async function approveThesis(studentId: string, actor: Actor): Promise<string> {
  return db.$transaction(async (tx) => {
    const student = await tx.jointMasterStudent.findUnique({ where: { id: studentId } });
    if (!student) throw new NotFoundError();
    if (!student.thesisSubject) throw new DomainError("jointMasterNoThesisSubject");
    const approvedAt = new Date();
    await tx.jointMasterStudent.update({
      where: { id: student.id },
      data: { thesisApprovedAt: approvedAt, thesisApprovedBy: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.approveThesis",
      entityType: "JointMasterStudent",
      entityId: student.id,
      after: { thesisSubject: student.thesisSubject, approvedAt: approvedAt.toISOString() },
      requestId: actor.requestId,
    });
    return student.intakeId;
  });
}

/** The allocation's input from the intake as it stands: students keyed by their number. */
async function allocationInput(intakeId: string): Promise<TAllocationInput> {
  const intake = await intakeOrThrow(db, intakeId);
  const students = await db.jointMasterStudent.findMany({ where: { intakeId }, orderBy: { studentNumber: "asc" } });
  return ZAllocationInput.parse({
    consortium: intake.consortium,
    students: students.map((student) => ({
      id: student.studentNumber,
      lastDegreeCountry: student.lastDegreeCountry,
      scholarship: student.scholarship,
      ranking: student.ranking,
      // Stored wishes were validated on the way in; a duplicate that slipped in is dropped here.
      wishes: (student.wishes as { semester2: string; semester3: string }[]).filter(
        (wish, index, all) =>
          all.findIndex((other) => other.semester2 === wish.semester2 && other.semester3 === wish.semester3) === index,
      ),
    })),
    overrides: students.flatMap((student) =>
      student.fixedSemester2 && student.fixedSemester3
        ? [{ studentId: student.studentNumber, semester2: student.fixedSemester2, semester3: student.fixedSemester3 }]
        : [],
    ),
  });
}

/** Runs the allocation and keeps the run whole: input, result with explanations, solver statistics. */
export async function runAllocation(intakeId: string, actor: Actor) {
  const input = await allocationInput(intakeId);
  const result: AllocationResult = await allocateCohort(input);
  const run = await db.$transaction(async (tx) => {
    const created = await tx.jointMasterRun.create({
      data: {
        intakeId,
        status: result.status === "allocated" ? "ALLOCATED" : "INFEASIBLE",
        input: json(input),
        result: json(result),
        stats: json(result.stats),
        createdById: actor.id,
      },
      select: { id: true, status: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.run",
      entityType: "JointMasterRun",
      entityId: created.id,
      after: { status: created.status, students: input.students.length, overrides: input.overrides.length },
      requestId: actor.requestId,
    });
    return created;
  });
  logInfo("jointMaster.run", { requestId: actor.requestId, runId: run.id, ...result.stats });
  return run;
}

/**
 * Publishing: only an allocated run that the independent checker passes again, once; then each
 * student is e-mailed their path in their language (after the commit: a mail server down does
 * not undo the publication).
 */
export async function publishRun(runId: string, actor: Actor): Promise<{ mailed: number; intakeId: string }> {
  let publishedIntakeId = "";
  const published = await db.$transaction(async (tx) => {
    const run = await tx.jointMasterRun.findUnique({ where: { id: runId } });
    if (!run) throw new NotFoundError();
    if (run.publishedAt) throw new DomainError("jointMasterAlreadyPublished");
    const result = run.result as unknown as AllocationResult;
    if (run.status !== "ALLOCATED" || result.status !== "allocated") throw new DomainError("jointMasterRunInfeasible");
    const input = ZAllocationInput.parse(run.input);
    const allocation = new Map(result.students.map((outcome) => [outcome.studentId, outcome.path]));
    if (checkAllocation(input.consortium, input.students, allocation, input.overrides).length > 0) {
      throw new DomainError("jointMasterRunBreaksRules");
    }
    const { count } = await tx.jointMasterRun.updateMany({
      where: { id: run.id, publishedAt: null },
      data: { publishedAt: new Date() },
    });
    if (count === 0) throw new DomainError("jointMasterAlreadyPublished");
    publishedIntakeId = run.intakeId;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "jointMaster.publish",
      entityType: "JointMasterRun",
      entityId: run.id,
      after: { students: result.students.length },
      requestId: actor.requestId,
    });
    const students = await tx.jointMasterStudent.findMany({
      where: { intakeId: run.intakeId },
      select: { studentNumber: true, name: true, email: true },
    });
    const names = new Map(input.consortium.universities.map((university) => [university.code, university.name]));
    return { students, allocation, names, firstSemester: input.consortium.firstSemester };
  });
  const locales = new Map(
    (
      await db.user.findMany({
        where: { email: { in: published.students.map((student) => student.email) } },
        select: { email: true, locale: true },
      })
    ).map((user) => [user.email, user.locale]),
  );
  let mailed = 0;
  for (const student of published.students) {
    const path = published.allocation.get(student.studentNumber);
    if (!path) continue;
    const name = (code: string) => published.names.get(code) ?? code;
    const sent = await notify(
      student.email,
      locales.get(student.email) ?? "en",
      "jointMasterPath",
      {
        name: student.name,
        semester1: name(published.firstSemester),
        semester2: name(path.semester2),
        semester3: name(path.semester3),
      },
      actor.requestId,
    );
    if (sent) mailed++;
  }
  return { mailed, intakeId: publishedIntakeId };
}
