/** Every server action of the portal, imported, by the permission it names (lib/auth/permissions.ts). */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ActionResult } from "@/lib/actions/result";

export type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & { permission?: string };

export async function actionsByPermission(): Promise<Map<string, Action>> {
  const lib = path.resolve(import.meta.dirname, "../../lib");
  const files = (readdirSync(lib, { recursive: true }) as string[]).filter(
    (file) => /(^|\/)([\w-]+-)?actions\.ts$/.test(file) && !file.startsWith("actions/"),
  );
  const found = new Map<string, Action>();
  for (const file of files) {
    const module = (await import(path.join(lib, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      const permission = (value as Action).permission;
      if (!permission) throw new Error(`${file}: ${name} names no permission`);
      if (found.has(permission)) throw new Error(`${permission} is used twice`);
      found.set(permission, value as Action);
    }
  }
  return found;
}
