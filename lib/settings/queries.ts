import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { type SettingName, settingKeys } from "@/lib/settings/schemas";

export type PortalSettings = Record<SettingName, string | null>;

/**
 * The settings admins edit, by short name; null when not set. Public data (contacts shown to
 * students), read once per request.
 */
export const getPortalSettings = cache(async (): Promise<PortalSettings> => {
  const names = Object.keys(settingKeys) as SettingName[];
  const rows = await db.portalSetting.findMany({
    where: { key: { in: Object.values(settingKeys) } },
    select: { key: true, value: true },
  });
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return Object.fromEntries(names.map((name) => [name, byKey.get(settingKeys[name]) ?? null])) as PortalSettings;
});
