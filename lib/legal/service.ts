import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { TLegalPageUpdate } from "@/lib/legal/schemas";

type Actor = { id: string; requestId?: string };

/** R-SEC-9: saves both languages of a legal page, with one audit event. */
export async function updateLegalPage(input: TLegalPageUpdate, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.legalPage.findMany({
      where: { page: input.page },
      select: { locale: true, title: true, body: true },
    });
    const texts = [
      { locale: "fr", title: input.titleFr, body: input.bodyFr },
      { locale: "en", title: input.titleEn, body: input.bodyEn },
    ];
    for (const { locale, title, body } of texts) {
      await tx.legalPage.upsert({
        where: { page_locale: { page: input.page, locale } },
        create: { page: input.page, locale, title, body },
        update: { title, body },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "legalPage.update",
      entityType: "LegalPage",
      entityId: input.page,
      before: before.length > 0 ? before : undefined,
      after: texts,
      requestId: actor.requestId,
    });
  });
}
