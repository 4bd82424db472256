import "server-only";
import { invitationMail, resetMail } from "@/lib/accounts/invitations";
import type { LinkMail } from "@/lib/accounts/links";
import { recordAudit } from "@/lib/audit";
import { unusablePasswordHash } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TChangeRole, TCreateStaffAccount, TSendPasswordReset, TSetAccountDisabled } from "@/lib/users/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

/**
 * An admin invites a correspondent or an admin (students register themselves): the account
 * holds a password nobody knows until its owner sets one through the invitation (R-ACC-8).
 * The invitation mail comes back with the account, sent by the action once committed.
 */
export async function createStaffAccount(input: TCreateStaffAccount, actor: Actor) {
  const passwordHash = await unusablePasswordHash();
  try {
    return await db.$transaction(async (tx) => {
      const { id, ...after } = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, locale: input.locale, passwordHash },
        select: { id: true, email: true, name: true, role: true, locale: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.invite",
        entityType: "User",
        entityId: id,
        after,
        requestId: actor.requestId,
      });
      return { id, ...after, invitation: await invitationMail(tx, { id, ...after }) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("accountEmailTaken", {}, "email");
    }
    throw error;
  }
}

/** An admin sends a reset link to an enabled account; the admin never sees the link (R-ACC-8). */
export async function sendPasswordReset(input: TSendPasswordReset, actor: Actor): Promise<LinkMail> {
  return db.$transaction(async (tx) => {
    const target = await lockTargetAndActor(tx, input.userId, actor.id);
    if (target.disabled) throw new DomainError("forbidden");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { id: true, email: true, name: true, locale: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.sendPasswordReset",
      entityType: "User",
      entityId: input.userId,
      requestId: actor.requestId,
    });
    return resetMail(tx, user);
  });
}

/**
 * Disabling takes effect at once: the viewer is re-read on every request, and moving
 * sessionsValidAfter to now also refuses every session opened before, so enabling the account
 * again does not bring them back. An admin cannot disable themselves (the portal would lose
 * the person acting, possibly its last admin).
 */
export async function setAccountDisabled(input: TSetAccountDisabled, actor: Actor): Promise<void> {
  if (input.disabled && input.userId === actor.id) throw new DomainError("cannotDisableSelf");
  await db.$transaction(async (tx) => {
    const before = await lockTargetAndActor(tx, input.userId, actor.id);
    if (before.disabled === input.disabled) return;
    const after = await tx.user.update({
      where: { id: input.userId },
      data: input.disabled ? { disabled: true, sessionsValidAfter: new Date() } : { disabled: false },
      select: { disabled: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.userId,
      before: { disabled: before.disabled },
      after,
      requestId: actor.requestId,
    });
  });
}

/**
 * Between correspondent and admin; a student account stays a student's. The new role applies
 * on the next request (the viewer is re-read). An admin cannot remove their own admin role.
 */
export async function changeRole(input: TChangeRole, actor: Actor): Promise<void> {
  if (input.userId === actor.id && input.role !== "ADMIN") throw new DomainError("cannotDemoteSelf", {}, "role");
  await db.$transaction(async (tx) => {
    const before = await lockTargetAndActor(tx, input.userId, actor.id);
    // Students' accounts, incoming or AMU's own (issue 19), are their own: never made staff.
    if (before.role === "STUDENT" || before.role === "AMU_STUDENT")
      throw new DomainError("studentRoleFixed", {}, "role");
    if (before.role === input.role) return;
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role },
      select: { role: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.changeRole",
      entityType: "User",
      entityId: input.userId,
      before: { role: before.role },
      after,
      requestId: actor.requestId,
    });
  });
}

/**
 * Locks the target and the acting admin (in id order, so two admins acting on each other
 * queue instead of deadlocking), then checks the actor is still an enabled admin: otherwise
 * two admins demoting each other at the same instant could leave the portal without one.
 */
async function lockTargetAndActor(tx: Tx, userId: string, actorId: string) {
  const ids = [...new Set([userId, actorId])].sort();
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, disabled: true } });
  const actorRow = rows.find((row) => row.id === actorId);
  if (actorRow?.role !== "ADMIN" || actorRow.disabled) throw new DomainError("forbidden");
  const target = rows.find((row) => row.id === userId);
  if (!target) throw new NotFoundError();
  return target;
}
