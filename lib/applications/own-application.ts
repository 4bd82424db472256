import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Tx } from "@/lib/db";
import { DomainError, type ErrorCode, NotFoundError } from "@/lib/errors";

/**
 * The door other features (arrival, welcome desk) use to act on the student's own accepted
 * application (R-ELI-9: of several, the newest accepted one; else the newest, refused). Its row is locked until the transaction ends, so that two requests of one
 * student (two tabs) are serialised. A staff account, or a student without an application,
 * gets "not found"; an application that is not ACCEPTED is refused with the caller's message,
 * since what follows acceptance is for students who are coming.
 */
export async function lockOwnAcceptedApplicationOrThrow(
  tx: Tx,
  viewer: Pick<Viewer, "id" | "role">,
  notAcceptedCode: ErrorCode,
) {
  if (viewer.role !== "STUDENT") throw new NotFoundError();
  const rows = await tx.$queryRaw<
    { id: string; status: string; academicYear: number | null; decidedAt: Date | null }[]
  >`
    SELECT "id", "status"::text AS "status", "academicYear", "decidedAt"
    FROM "Application" WHERE "studentId" = ${viewer.id}::uuid
    ORDER BY ("status" = 'ACCEPTED') DESC, "createdAt" DESC, "id" DESC LIMIT 1 FOR UPDATE`;
  const application = rows[0];
  if (!application) throw new NotFoundError();
  if (application.status !== "ACCEPTED") throw new DomainError(notAcceptedCode);
  return application;
}
