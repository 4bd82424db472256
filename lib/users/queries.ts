import "server-only";
import { db } from "@/lib/db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ role: "desc" }, { email: "asc" }],
    take: 200,
    select: { id: true, email: true, name: true, role: true, disabled: true, components: { select: { code: true } } },
  });
}
