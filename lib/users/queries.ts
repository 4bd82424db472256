import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import type { TUserListQuery } from "@/lib/users/schemas";

export const usersPageSize = 50;

/**
 * Accounts for the admin list (the caller has checked the viewer is an admin): searched by
 * e-mail (stored lower-cased), by pages of `usersPageSize`, the cursor being the last e-mail
 * shown (unique, and the sort key).
 */
export async function searchUsers(viewer: AdminViewer, query: TUserListQuery) {
  assertAdminViewer(viewer);
  const rows = await db.user.findMany({
    where: { email: { ...(query.q ? { contains: query.q } : {}), ...(query.after ? { gt: query.after } : {}) } },
    orderBy: { email: "asc" },
    take: usersPageSize + 1,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      components: { select: { code: true }, orderBy: { code: "asc" } },
    },
  });
  const page = rows.slice(0, usersPageSize);
  return { users: page, nextCursor: rows.length > usersPageSize ? page.at(-1)!.email : null };
}

/** Null when there is no such row (or the id is not even a UUID: the page answers 404). */
export async function getUserForAdmin(viewer: AdminViewer, id: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) return null;
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      locale: true,
      createdAt: true,
      components: { select: { code: true }, orderBy: { code: "asc" } },
      secondFactor: { select: { confirmedAt: true } },
    },
  });
}
