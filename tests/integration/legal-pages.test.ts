import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLegalPage } from "@/lib/legal/queries";
import { ZLegalPageUpdate } from "@/lib/legal/schemas";
import { updateLegalPage } from "@/lib/legal/service";
import { createViewer } from "./fixtures";

describe("R-SEC-9: legal pages an administrator edits", () => {
  it("a page never saved shows the shipped template; once saved, the saved text, per language, with an audit event", async () => {
    await db.legalPage.deleteMany({ where: { page: "notice" } });
    expect(await getLegalPage("notice", "fr")).toMatchObject({ title: "Mentions légales", updatedAt: null });
    const admin = await createViewer("ADMIN");
    const input = ZLegalPageUpdate.parse({
      page: "notice",
      titleFr: "Mentions légales",
      bodyFr: "## Éditeur\nAix-Marseille Université",
      titleEn: "Legal notice",
      bodyEn: "## Publisher\nAix-Marseille University",
    });
    await updateLegalPage(input, { id: admin.id });
    expect(await getLegalPage("notice", "en")).toMatchObject({ body: "## Publisher\nAix-Marseille University" });
    expect((await getLegalPage("notice", "fr")).updatedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: "legalPage.update" } })).toBe(1);
  });

  it("refuses an unknown page or an empty text before anything is written", () => {
    const base = { titleFr: "a", bodyFr: "b", titleEn: "c", bodyEn: "d" };
    expect(ZLegalPageUpdate.safeParse({ ...base, page: "cookies" }).success).toBe(false);
    expect(ZLegalPageUpdate.safeParse({ ...base, page: "privacy", bodyEn: "  " }).success).toBe(false);
  });
});
