/**
 * No dossier without an owner: a faculty without an enabled correspondent is listed for the
 * administrators; a dossier submitted to it is flagged and the administrators are the ones alerted.
 */
import { describe, expect, it } from "vitest";
import { getDossierForStaff } from "@/lib/applications/queries";
import { submitApplication } from "@/lib/applications/service";
import { listComponentsWithoutCorrespondent } from "@/lib/components/queries";
import { db } from "@/lib/db";
import { createCall, createCompleteDraft, createComponent, createPartner, createViewer, thisYear } from "./fixtures";

describe("a faculty without a correspondent", () => {
  it("is listed, its dossier flagged, and every enabled administrator alerted at submission", async () => {
    const [ownerless, owned] = [await createComponent(), await createComponent()];
    await createViewer("CORRESPONDENT", [owned.id]);
    const admin = await createViewer("ADMIN");
    const partner = await createPartner([{ componentIds: [ownerless.id, owned.id], levels: ["MASTER"] }]);
    const call = await createCall(thisYear + 1, "S1");

    const listed = (await listComponentsWithoutCorrespondent(admin)).map((component) => component.id);
    expect(listed).toContain(ownerless.id);
    expect(listed).not.toContain(owned.id);

    const student = await createViewer("STUDENT");
    const { id } = await createCompleteDraft(student, { partnerId: partner.id, componentId: ownerless.id, call });
    const result = await submitApplication(student, "ownerless");
    const admins = await db.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { email: true } });
    expect(result.alreadySubmitted === false && result.ownerlessAlert.map((a) => a.email).sort()).toEqual(
      admins.map((a) => a.email).sort(),
    );
    expect((await getDossierForStaff(admin, id))?.warnings.ownerless).toBe(true);

    const other = await createViewer("STUDENT");
    const owned2 = await createCompleteDraft(other, { partnerId: partner.id, componentId: owned.id, call });
    const ownedResult = await submitApplication(other, "owned");
    expect(ownedResult.alreadySubmitted === false && ownedResult.ownerlessAlert).toEqual([]);
    expect((await getDossierForStaff(admin, owned2.id))?.warnings.ownerless).toBe(false);
  });
});
