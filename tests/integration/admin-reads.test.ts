/**
 * Reads only an administrator may make take the admin viewer as proof (lib/auth/admin-viewer.ts):
 * each one, called with a correspondent or a student, is refused before it reads anything; with
 * an admin it answers.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getAgreementForEdit, listAgreementsForAdmin } from "@/lib/agreements/queries";
import { listAuditEvents } from "@/lib/audit-queries";
import type { AdminViewer } from "@/lib/auth/admin-viewer";
import { getComponentForEdit, listAttachableCorrespondents, listComponentsForAdmin } from "@/lib/components/queries";
import { getHousingRoundForEdit, listHousingRoundsForAdmin, listRoundKeys } from "@/lib/housing/rounds/queries";
import { getIntake, getRun, listIntakes } from "@/lib/joint-master/queries";
import { getLegalPageForEdit } from "@/lib/legal/queries";
import { getPartnerForEdit, listPartnersForAdmin } from "@/lib/partners/queries";
import { getProgrammeForEdit, listProgrammesForAdmin } from "@/lib/programmes/queries";
import { getCapacityTable, getResidenceForEdit, listResidencesForAdmin } from "@/lib/residences/queries";
import { getUserForAdmin, searchUsers } from "@/lib/users/queries";
import { getProcedureForEdit, listFees, listProcedures, listYearProcedures } from "@/lib/visa-procedures/queries";
import { getWelcomeDeskForAdmin, listWelcomeDesksForAdmin } from "@/lib/welcome-desk/queries";

const id = randomUUID();
const reads: Record<string, (viewer: AdminViewer) => Promise<unknown>> = {
  listAgreementsForAdmin: (viewer) => listAgreementsForAdmin(viewer),
  getAgreementForEdit: (viewer) => getAgreementForEdit(viewer, id),
  listAuditEvents: (viewer) => listAuditEvents(viewer, {}),
  listComponentsForAdmin: (viewer) => listComponentsForAdmin(viewer),
  getComponentForEdit: (viewer) => getComponentForEdit(viewer, id),
  listAttachableCorrespondents: (viewer) => listAttachableCorrespondents(viewer, id),
  listHousingRoundsForAdmin: (viewer) => listHousingRoundsForAdmin(viewer),
  getHousingRoundForEdit: (viewer) => getHousingRoundForEdit(viewer, id),
  listRoundKeys: (viewer) => listRoundKeys(viewer, 2026),
  getLegalPageForEdit: (viewer) => getLegalPageForEdit(viewer, "privacy"),
  listIntakes: (viewer) => listIntakes(viewer),
  getIntake: (viewer) => getIntake(viewer, id),
  getRun: (viewer) => getRun(viewer, id),
  listPartnersForAdmin: (viewer) => listPartnersForAdmin(viewer),
  getPartnerForEdit: (viewer) => getPartnerForEdit(viewer, id),
  listProgrammesForAdmin: (viewer) => listProgrammesForAdmin(viewer),
  getProgrammeForEdit: (viewer) => getProgrammeForEdit(viewer, id),
  listResidencesForAdmin: (viewer) => listResidencesForAdmin(viewer, 2026),
  getResidenceForEdit: (viewer) => getResidenceForEdit(viewer, id),
  getCapacityTable: (viewer) => getCapacityTable(viewer, id, [2026]),
  searchUsers: (viewer) => searchUsers(viewer, {}),
  getUserForAdmin: (viewer) => getUserForAdmin(viewer, id),
  listProcedures: (viewer) => listProcedures(viewer),
  listYearProcedures: (viewer) => listYearProcedures(viewer),
  listFees: (viewer) => listFees(viewer),
  getProcedureForEdit: (viewer) => getProcedureForEdit(viewer, id),
  listWelcomeDesksForAdmin: (viewer) => listWelcomeDesksForAdmin(viewer),
  getWelcomeDeskForAdmin: (viewer) => getWelcomeDeskForAdmin(viewer, id),
};

describe("admin-only reads take the admin viewer as proof", () => {
  it.each(Object.keys(reads))("%s refuses a correspondent and a student, and answers an admin", async (name) => {
    const read = reads[name]!;
    await expect(read({ role: "CORRESPONDENT" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(read({ role: "STUDENT" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(read({ role: "ADMIN" })).resolves.toBeDefined();
  });
});
