import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { driContactNames, settingKeys, type TDriContacts } from "@/lib/settings/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

/** R-ELI-7: the DRI contacts shown to students. One form, one audit event for both keys. */
export async function updateDriContacts(input: TDriContacts, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const names = driContactNames;
    const rows = await tx.portalSetting.findMany({
      where: { key: { in: names.map((name) => settingKeys[name]) } },
      select: { key: true, value: true },
    });
    const before = Object.fromEntries(
      names.map((name) => [settingKeys[name], rows.find((row) => row.key === settingKeys[name])?.value ?? null]),
    );
    const after = {
      [settingKeys.cooperationEmail]: input.cooperationEmail,
      [settingKeys.incomingEmail]: input.incomingEmail,
    };
    for (const [key, value] of Object.entries(after)) {
      await tx.portalSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "PortalSetting",
      entityId: "dri",
      before,
      after,
      requestId: actor.requestId,
    });
  });
}

/** R-MSG-4: whether a new message's e-mail carries its text. */
export async function updateMessageMailSetting(includeText: "yes" | "no", actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = settingKeys.messageMailText;
    const before = await tx.portalSetting.findUnique({ where: { key }, select: { value: true } });
    await tx.portalSetting.upsert({
      where: { key },
      create: { key, value: includeText },
      update: { value: includeText },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "PortalSetting",
      entityId: key,
      before: { [key]: before?.value ?? null },
      after: { [key]: includeText },
      requestId: actor.requestId,
    });
  });
}
