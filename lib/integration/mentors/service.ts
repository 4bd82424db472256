import "server-only";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { TAddMentorTeacher, TAssignMentor } from "@/lib/integration/mentors/schemas";
import { mayManageComponent } from "@/lib/integration/staff-scope";
import { studentFullName } from "@/lib/student-name";

/**
 * R-INT-2: the only writer of mentoring teachers and their assignments. Staff act on their own
 * components only (an admin on all); anything else is "not found".
 */

type StaffViewer = Pick<Viewer, "id" | "role" | "componentIds">;

export async function addMentorTeacher(viewer: StaffViewer, input: TAddMentorTeacher, requestId?: string) {
  if (!mayManageComponent(viewer, input.componentId)) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
    if (!component) throw new NotFoundError();
    const teacher = await tx.mentorTeacher.create({ data: { ...input }, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "mentor.addTeacher",
      entityType: "MentorTeacher",
      entityId: teacher.id,
      after: { ...input },
      requestId,
    });
    return teacher;
  });
}

/** What the mentor is told about each new student (R-INT-2: the name and dates, nothing else). */
export type MentorMail = {
  teacherEmail: string;
  teacherName: string;
  studentName: string;
  academicYear: number | null;
  period: string | null;
  arrivalDate: Date | null;
};

/**
 * R-INT-2: one teacher becomes the mentor of each listed student (accepted, of the teacher's
 * component, within the viewer's scope). One student out of reach refuses the whole list, so
 * a list is assigned entirely or not at all. A student who already had this teacher is left as
 * is (and the teacher is not e-mailed again).
 */
export async function assignMentor(viewer: StaffViewer, input: TAssignMentor, requestId?: string) {
  return db.$transaction(async (tx) => {
    const teacher = await tx.mentorTeacher.findUnique({
      where: { id: input.teacherId },
      select: { id: true, name: true, email: true, componentId: true },
    });
    if (!teacher || !mayManageComponent(viewer, teacher.componentId)) throw new NotFoundError();
    const ids = [...new Set(input.applicationIds)];
    const students = await tx.application.findMany({
      where: { AND: [staffScope(viewer), { id: { in: ids }, status: "ACCEPTED", componentId: teacher.componentId }] },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        academicYear: true,
        period: true,
        student: { select: { name: true } },
        arrival: { select: { arrivalDate: true } },
        mentorAssignment: { select: { id: true, teacherId: true } },
      },
    });
    if (students.length !== ids.length) throw new NotFoundError();
    const mails: MentorMail[] = [];
    for (const student of students) {
      const before = student.mentorAssignment;
      if (before?.teacherId === teacher.id) continue;
      const assignment = await tx.mentorAssignment.upsert({
        where: { applicationId: student.id },
        create: { applicationId: student.id, teacherId: teacher.id },
        update: { teacherId: teacher.id, assignedAt: new Date() },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "mentor.assign",
        entityType: "MentorAssignment",
        entityId: assignment.id,
        before: before ? { teacherId: before.teacherId } : undefined,
        after: { applicationId: student.id, teacherId: teacher.id },
        requestId,
      });
      mails.push({
        teacherEmail: teacher.email,
        teacherName: teacher.name,
        studentName: studentFullName(student, () => student.student.name),
        academicYear: student.academicYear,
        period: student.period,
        arrivalDate: student.arrival?.arrivalDate ?? null,
      });
    }
    return { assigned: mails.length, mails };
  });
}
