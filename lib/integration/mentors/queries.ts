import "server-only";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

// R-INT-2: the mentors' reads. Staff see the accepted students and teachers of their components
// (an admin: all); a student sees only their own mentor.

type StaffViewer = Pick<Viewer, "role" | "componentIds">;

/** The teachers a member of staff may assign, with their component. */
export async function listMentorTeachers(viewer: StaffViewer) {
  const components = viewer.role === "ADMIN" ? {} : { componentId: { in: viewer.componentIds } };
  if (viewer.role !== "ADMIN" && viewer.role !== "CORRESPONDENT") return [];
  return db.mentorTeacher.findMany({
    where: components,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, contactNote: true, component: { select: { id: true, code: true } } },
  });
}

/** The accepted students of the viewer's components, with their mentor (if any), by name. */
export async function listStudentsForMentoring(viewer: StaffViewer, take = 500) {
  return db.application.findMany({
    where: { AND: [staffScope(viewer), { status: "ACCEPTED" }] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      academicYear: true,
      period: true,
      component: { select: { code: true } },
      mentorAssignment: { select: { teacher: { select: { name: true } } } },
    },
  });
}

/** R-INT-2: the student's own mentor: name and how to reach them. */
export async function getOwnMentor(viewer: Pick<Viewer, "id">) {
  const assignment = await db.mentorAssignment.findFirst({
    where: { application: { studentId: viewer.id, status: "ACCEPTED" } },
    select: { assignedAt: true, teacher: { select: { name: true, email: true, contactNote: true } } },
  });
  return assignment ? { ...assignment.teacher, assignedAt: assignment.assignedAt } : null;
}
