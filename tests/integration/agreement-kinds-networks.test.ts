/**
 * Kinds of agreement (R-PAR-1) and networks (R-PAR-2) as data administrators edit, and the
 * agreement fields that came with them (seats per study level, languages of instruction),
 * against a real PostgreSQL: each change audited; a refused one changes nothing.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { academicYearOf } from "@/lib/academic-year";
import { ZCreateAgreementKind, ZUpdateAgreementKind } from "@/lib/agreements/kinds/schemas";
import { createAgreementKind, deleteAgreementKind, updateAgreementKind } from "@/lib/agreements/kinds/service";
import { ZCreateAgreement, ZUpdateAgreement } from "@/lib/agreements/schemas";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import type { Viewer } from "@/lib/auth/viewer";
import { getCataloguePartner, listCataloguePartners } from "@/lib/catalogue/queries";
import { partnerMatches } from "@/lib/catalogue/rules";
import { ZCatalogueQuery } from "@/lib/catalogue/schemas";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createNetwork, deleteNetwork, renameNetwork } from "@/lib/partners/networks/service";
import { ZCreatePartner } from "@/lib/partners/schemas";
import { createPartner as createPartnerAsAdmin } from "@/lib/partners/service";
import { createComponent, createPartner, createViewer } from "./fixtures";

vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

let admin: Viewer;
let actor: { id: string; requestId: string };
beforeAll(async () => {
  admin = await createViewer("ADMIN");
  actor = { id: admin.id, requestId: "test-kinds" };
});

const suffix = () => randomBytes(3).toString("hex").toUpperCase();
const eventsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

/** A domain refusal's code and field, to compare in one expectation. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, field } = error as DomainError;
  return { code, field };
}

describe("kinds of agreement (R-PAR-1)", () => {
  it("the migration kept the six kinds AMU signs; only the strategic partnership covers every faculty", async () => {
    const kinds = await db.agreementKind.findMany({
      where: {
        code: {
          in: ["ERASMUS_PLUS", "ERASMUS_MUNDUS", "BCI_QUEBEC", "BILATERAL", "DOUBLE_DEGREE", "STRATEGIC_PARTNERSHIP"],
        },
      },
      select: { code: true, coversEveryComponent: true },
    });
    expect(kinds).toHaveLength(6);
    expect(kinds.filter((kind) => kind.coversEveryComponent).map((kind) => kind.code)).toEqual([
      "STRATEGIC_PARTNERSHIP",
    ]);
  });

  it("adds a kind, audited; the same code twice is refused on the code field", async () => {
    const code = `DOUBLE_DIPLOMA_${suffix()}`;
    const input = ZCreateAgreementKind.parse({ code, nameFr: "Diplôme conjoint", nameEn: "Joint degree" });
    await createAgreementKind(input, actor);
    expect(await db.agreementKind.findUnique({ where: { code } })).toMatchObject({
      nameEn: "Joint degree",
      coversEveryComponent: false,
    });
    expect((await eventsOf(code)).map((event) => event.action)).toEqual(["agreementKind.create"]);
    expect(await refusal(createAgreementKind(input, actor))).toEqual({ code: "agreementKindCodeTaken", field: "code" });
    expect(await eventsOf(code)).toHaveLength(1);
  });

  it("renames a kind and makes it cover every faculty; the catalogue follows at once", async () => {
    const code = `NETWORK_WIDE_${suffix()}`;
    await createAgreementKind(ZCreateAgreementKind.parse({ code, nameFr: "Réseau", nameEn: "Network" }), actor);
    const [listed, other] = [await createComponent(), await createComponent()];
    const partner = await createPartner([{ kind: code, componentIds: [listed.id] }]);
    const year = academicYearOf(new Date());
    const byOtherComponent = ZCatalogueQuery.parse({ component: other.code });
    const before = await getCataloguePartner(partner.id, year);
    expect(before && partnerMatches(before, byOtherComponent)).toBe(false);

    await updateAgreementKind(
      ZUpdateAgreementKind.parse({
        code,
        nameFr: "Partenariat de réseau",
        nameEn: "Network partnership",
        coversEveryComponent: "on",
      }),
      actor,
    );
    const after = await getCataloguePartner(partner.id, year);
    expect(after?.agreements[0]?.agreementKind).toEqual({
      nameFr: "Partenariat de réseau",
      nameEn: "Network partnership",
      coversEveryComponent: true,
    });
    expect(after && partnerMatches(after, byOtherComponent)).toBe(true);
    const [, update] = await eventsOf(code);
    expect(update).toMatchObject({
      action: "agreementKind.update",
      before: { nameEn: "Network", coversEveryComponent: false },
      after: { nameEn: "Network partnership", coversEveryComponent: true },
    });
  });

  it("refuses to delete a kind an agreement uses, and deletes an unused one", async () => {
    const used = `USED_${suffix()}`;
    const unused = `UNUSED_${suffix()}`;
    for (const code of [used, unused]) {
      await createAgreementKind(ZCreateAgreementKind.parse({ code, nameFr: code, nameEn: code }), actor);
    }
    const component = await createComponent();
    await createPartner([{ kind: used, componentIds: [component.id] }]);
    expect(await refusal(deleteAgreementKind({ code: used }, actor))).toEqual({
      code: "agreementKindInUse",
      field: undefined,
    });
    expect(await db.agreementKind.count({ where: { code: used } })).toBe(1);
    await deleteAgreementKind({ code: unused }, actor);
    expect(await db.agreementKind.count({ where: { code: unused } })).toBe(0);
    expect((await eventsOf(unused)).map((event) => event.action)).toEqual([
      "agreementKind.create",
      "agreementKind.delete",
    ]);
  });

  it("an agreement naming a kind that no longer exists is refused on the kind field, nothing written", async () => {
    const component = await createComponent();
    const partner = await createPartner();
    const count = await db.agreement.count();
    const input = ZCreateAgreement.parse({
      partnerId: partner.id,
      kind: `GONE_${suffix()}`,
      componentIds: component.id,
      studyLevels: "MASTER",
      firstAcademicYear: "2026",
      lastAcademicYear: "2028",
      incomingSeatsPerYear: "2",
    });
    expect(await refusal(createAgreement(input, actor))).toEqual({ code: "choiceGone", field: "kind" });
    expect(await db.agreement.count()).toBe(count);
  });
});

describe("networks (R-PAR-2)", () => {
  it("adds, renames (members kept) and refuses to delete a network in use; deletes it once unused", async () => {
    const name = `Coimbra Group ${suffix()}`;
    const { id } = await createNetwork({ name }, actor);
    expect(await refusal(createNetwork({ name }, actor))).toEqual({ code: "networkNameTaken", field: "name" });
    const partner = await createPartnerAsAdmin(
      ZCreatePartner.parse({ name: `University ${suffix()}`, country: "PT", city: "Coimbra", networkIds: id }),
      actor,
    );
    await renameNetwork({ id, name: `${name} (renamed)` }, actor);
    const member = await db.partnerInstitution.findUniqueOrThrow({
      where: { id: partner.id },
      select: { networks: { select: { name: true } } },
    });
    expect(member.networks).toEqual([{ name: `${name} (renamed)` }]);

    expect(await refusal(deleteNetwork({ id }, actor))).toEqual({ code: "networkInUse", field: undefined });
    await db.partnerInstitution.update({ where: { id: partner.id }, data: { networks: { set: [] } } });
    await deleteNetwork({ id }, actor);
    expect(await db.network.count({ where: { id } })).toBe(0);
    expect((await eventsOf(id)).map((event) => event.action)).toEqual([
      "network.create",
      "network.rename",
      "network.delete",
    ]);
  });

  it("a partner form ticking a network deleted meanwhile is refused on the boxes, nothing written", async () => {
    const { id } = await createNetwork({ name: `Gone ${suffix()}` }, actor);
    await deleteNetwork({ id }, actor);
    const name = `University ${suffix()}`;
    const input = ZCreatePartner.parse({ name, country: "IT", city: "Bologna", networkIds: id });
    expect(await refusal(createPartnerAsAdmin(input, actor))).toEqual({ code: "choiceGone", field: "networkIds" });
    expect(await db.partnerInstitution.count({ where: { name } })).toBe(0);
  });

  it("the catalogue filters by a network's current name", async () => {
    const { id } = await createNetwork({ name: `UNIMED ${suffix()}` }, actor);
    const component = await createComponent();
    const partner = await createPartner([{ componentIds: [component.id] }]);
    await db.partnerInstitution.update({ where: { id: partner.id }, data: { networks: { connect: { id } } } });
    const network = await db.network.findUniqueOrThrow({ where: { id } });
    const year = academicYearOf(new Date());
    const shown = (await listCataloguePartners(year)).filter((row) =>
      partnerMatches(row, ZCatalogueQuery.parse({ network: network.name.toLowerCase() })),
    );
    expect(shown.map((row) => row.id)).toEqual([partner.id]);
  });
});

describe("seats per study level and languages of instruction (R-ELI-6)", () => {
  it("saves, replaces and clears an agreement's seats per level, audited as LEVEL:n", async () => {
    const component = await createComponent();
    const partner = await createPartner();
    const fields = {
      partnerId: partner.id,
      kind: "ERASMUS_PLUS",
      componentIds: component.id,
      studyLevels: ["BACHELOR", "MASTER"],
      firstAcademicYear: "2026",
      lastAcademicYear: "2029",
      incomingSeatsPerYear: "5",
      instructionLanguages: "fr, EN",
    };
    const { id } = await createAgreement(
      ZCreateAgreement.parse({ ...fields, bachelorSeatsPerYear: "2", masterSeatsPerYear: "3" }),
      actor,
    );
    const seats = () =>
      db.agreementLevelSeats.findMany({
        where: { agreementId: id },
        orderBy: { level: "asc" },
        select: { level: true, seatsPerYear: true },
      });
    expect(await seats()).toEqual([
      { level: "BACHELOR", seatsPerYear: 2 },
      { level: "MASTER", seatsPerYear: 3 },
    ]);
    expect(await db.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({
      instructionLanguages: ["fr", "en"],
    });

    await updateAgreement(ZUpdateAgreement.parse({ id, ...fields, masterSeatsPerYear: "4" }), actor);
    expect(await seats()).toEqual([{ level: "MASTER", seatsPerYear: 4 }]);
    const [, update] = await eventsOf(id);
    expect(update).toMatchObject({
      before: { levelSeats: ["BACHELOR:2", "MASTER:3"] },
      after: { levelSeats: ["MASTER:4"] },
    });

    await updateAgreement(ZUpdateAgreement.parse({ id, ...fields }), actor);
    expect(await seats()).toEqual([]);
  });
});
