/**
 * The admin services of reference data (partners, agreements, components, programmes, DRI
 * contacts) against a real PostgreSQL: each mutation writes its change and one audit event in
 * the same transaction; a refused one changes nothing and records nothing.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZCreateAgreement, ZUpdateAgreement } from "@/lib/agreements/schemas";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import { ZCreateComponent, ZUpdateComponent } from "@/lib/components/schemas";
import { attachCorrespondent, createComponent, detachCorrespondent, updateComponent } from "@/lib/components/service";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ZCreatePartner, ZUpdatePartner } from "@/lib/partners/schemas";
import { createPartner, deletePartner, updatePartner } from "@/lib/partners/service";
import { ZCreateProgramme, ZUpdateProgramme } from "@/lib/programmes/schemas";
import { createProgramme, updateProgramme } from "@/lib/programmes/service";
import { getPortalSettings } from "@/lib/settings/queries";
import { ZDriContacts } from "@/lib/settings/schemas";
import { updateDriContacts } from "@/lib/settings/service";
import { uniqueEmail } from "./helpers";

/** Each test file's actor is its own admin, so its audit events can be counted apart from other files'. */
let admin: { id: string; requestId: string };

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: uniqueEmail("admin"), name: "Test Admin", passwordHash: "-", role: "ADMIN" },
    select: { id: true },
  });
  admin = { id: user.id, requestId: "test-request" };
});

const suffix = () => randomBytes(3).toString("hex").toUpperCase();
const eventsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
const eventsByAdmin = () => db.auditEvent.count({ where: { actorId: admin.id } });

async function newPartner(overrides: Record<string, unknown> = {}) {
  return createPartner(
    ZCreatePartner.parse({ name: `University ${suffix()}`, country: "DE", city: "Berlin", ...overrides }),
    admin,
  );
}

async function newComponent() {
  return createComponent(
    ZCreateComponent.parse({ code: `C${suffix()}`, nameFr: "Composante de test", nameEn: "Test component" }),
    admin,
  );
}

// ---------------------------------------------------------------------------------------------

describe("partner institutions", () => {
  it("creates a partner with one audit event (R-PAR-2 networks kept)", async () => {
    const code = `D TEST${suffix()}`;
    const [eua, coimbra] = await Promise.all(
      [`EUA ${suffix()}`, `Coimbra Group ${suffix()}`].map((name) =>
        db.network.create({ data: { name }, select: { id: true, name: true } }),
      ),
    );
    const partner = await newPartner({ erasmusCode: code, networkIds: [eua!.id, coimbra!.id] });
    const row = await db.partnerInstitution.findUniqueOrThrow({
      where: { id: partner.id },
      include: { networks: { select: { name: true } } },
    });
    expect(row).toMatchObject({ country: "DE", city: "Berlin", erasmusCode: code });
    expect(row.networks.map((network) => network.name).sort()).toEqual([coimbra!.name, eua!.name].sort());
    const events = await eventsOf(partner.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "partner.create",
      entityType: "PartnerInstitution",
      actorId: admin.id,
      requestId: "test-request",
    });
    // The audit trail names the networks, sorted, readable without joining.
    expect(events[0]!.after).toMatchObject({
      name: row.name,
      erasmusCode: code,
      networks: [coimbra!.name, eua!.name].sort(),
    });
  });

  it("edits a partner with one audit event holding before and after", async () => {
    const partner = await newPartner();
    await updatePartner(
      ZUpdatePartner.parse({
        id: partner.id,
        name: partner.name,
        country: "AT",
        city: "Vienna",
        erasmusCode: "",
      }),
      admin,
    );
    expect(await db.partnerInstitution.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({
      country: "AT",
      city: "Vienna",
    });
    const events = await eventsOf(partner.id);
    expect(events.map((event) => event.action)).toEqual(["partner.create", "partner.update"]);
    expect(events[1]!.before).toMatchObject({ country: "DE", city: "Berlin" });
    expect(events[1]!.after).toMatchObject({ country: "AT", city: "Vienna" });
  });

  it("refuses a duplicate Erasmus code, on its field, and changes nothing (create and edit)", async () => {
    const code = `E DUP${suffix()}`;
    const first = await newPartner({ erasmusCode: code });
    const other = await newPartner();
    const eventsBefore = await eventsByAdmin();

    const again = newPartner({ name: "Duplicate University", erasmusCode: code.toLowerCase() });
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject({ code: "erasmusCodeTaken", field: "erasmusCode" });

    const edit = updatePartner(
      ZUpdatePartner.parse({ id: other.id, name: "Renamed", country: "DE", city: "Berlin", erasmusCode: code }),
      admin,
    );
    await expect(edit).rejects.toMatchObject({ code: "erasmusCodeTaken", field: "erasmusCode" });

    expect(await db.partnerInstitution.count({ where: { name: "Duplicate University" } })).toBe(0);
    expect(await db.partnerInstitution.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      name: other.name,
      erasmusCode: null,
    });
    expect(await db.partnerInstitution.count({ where: { erasmusCode: code } })).toBe(1);
    expect(await eventsByAdmin()).toBe(eventsBefore);
    expect(first.erasmusCode).toBe(code);
  });

  it("refuses to delete a partner that has agreements, and keeps it", async () => {
    const partner = await newPartner();
    const component = await newComponent();
    await createAgreement(
      ZCreateAgreement.parse({
        partnerId: partner.id,
        kind: "BILATERAL",
        componentIds: [component.id],
        studyLevels: ["MASTER"],
        firstAcademicYear: 2024,
        lastAcademicYear: 2028,
        incomingSeatsPerYear: 2,
      }),
      admin,
    );
    const eventsBefore = await eventsByAdmin();
    const refused = deletePartner(partner.id, admin);
    await expect(refused).rejects.toMatchObject({ code: "partnerHasAgreements", params: { count: 1 } });
    expect(await db.partnerInstitution.count({ where: { id: partner.id } })).toBe(1);
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });

  it("refuses to delete a partner a programme refers to", async () => {
    const partner = await newPartner();
    const component = await newComponent();
    await createProgramme(
      ZCreateProgramme.parse({
        componentId: component.id,
        nameFr: "Délocalisée",
        nameEn: "Offshore",
        level: "BACHELOR",
        teachingLanguage: "FRENCH",
        offshore: "on",
        partnerId: partner.id,
      }),
      admin,
    );
    await expect(deletePartner(partner.id, admin)).rejects.toMatchObject({ code: "partnerInUse" });
    expect(await db.partnerInstitution.count({ where: { id: partner.id } })).toBe(1);
  });

  it("deletes an unused partner, with one audit event holding what it was", async () => {
    const partner = await newPartner();
    await deletePartner(partner.id, admin);
    expect(await db.partnerInstitution.count({ where: { id: partner.id } })).toBe(0);
    const events = await eventsOf(partner.id);
    expect(events.map((event) => event.action)).toEqual(["partner.create", "partner.delete"]);
    expect(events[1]!.before).toMatchObject({ name: partner.name });
  });

  it("answers not found for a partner that does not exist", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(deletePartner(ghost, admin)).rejects.toMatchObject({ code: "notFound" });
    await expect(
      updatePartner(ZUpdatePartner.parse({ id: ghost, name: "Ghost", country: "DE", city: "Berlin" }), admin),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

// ---------------------------------------------------------------------------------------------

describe("agreements (R-PAR-1, R-ELI-1, R-ELI-6)", () => {
  it("creates an agreement with its components and one audit event, then edits it with another", async () => {
    const partner = await newPartner();
    const [science, law] = [await newComponent(), await newComponent()];
    const { id } = await createAgreement(
      ZCreateAgreement.parse({
        partnerId: partner.id,
        kind: "ERASMUS_PLUS",
        componentIds: [science.id],
        studyLevels: "BACHELOR",
        firstAcademicYear: "2025",
        lastAcademicYear: "2027",
        incomingSeatsPerYear: "3",
      }),
      admin,
    );
    const created = await db.agreement.findUniqueOrThrow({
      where: { id },
      include: { components: { select: { id: true } } },
    });
    expect(created).toMatchObject({
      partnerId: partner.id,
      kind: "ERASMUS_PLUS",
      studyLevels: ["BACHELOR"],
      firstAcademicYear: 2025,
      lastAcademicYear: 2027,
      incomingSeatsPerYear: 3,
    });
    expect(created.components).toEqual([{ id: science.id }]);

    await updateAgreement(
      ZUpdateAgreement.parse({
        id,
        partnerId: partner.id,
        kind: "DOUBLE_DEGREE",
        componentIds: [law.id],
        studyLevels: ["MASTER", "DOCTORATE"],
        firstAcademicYear: "2025",
        lastAcademicYear: "2030",
        incomingSeatsPerYear: "0",
      }),
      admin,
    );
    const edited = await db.agreement.findUniqueOrThrow({
      where: { id },
      include: { components: { select: { id: true } } },
    });
    expect(edited).toMatchObject({
      kind: "DOUBLE_DEGREE",
      studyLevels: ["MASTER", "DOCTORATE"],
      lastAcademicYear: 2030,
      incomingSeatsPerYear: 0,
    });
    expect(edited.components).toEqual([{ id: law.id }]);

    const events = await eventsOf(id);
    expect(events.map((event) => event.action)).toEqual(["agreement.create", "agreement.update"]);
    expect(events[0]!.after).toMatchObject({ components: [science.code], kind: "ERASMUS_PLUS" });
    expect(events[1]!.before).toMatchObject({ components: [science.code], lastAcademicYear: 2027 });
    expect(events[1]!.after).toMatchObject({ components: [law.code], lastAcademicYear: 2030 });
  });

  it("refuses a partner or a component that no longer exists, on its field, and creates nothing", async () => {
    const partner = await newPartner();
    const component = await newComponent();
    const ghost = "00000000-0000-4000-8000-000000000000";
    const base = {
      kind: "BILATERAL",
      studyLevels: ["MASTER"],
      firstAcademicYear: 2026,
      lastAcademicYear: 2026,
      incomingSeatsPerYear: 1,
    };
    const eventsBefore = await eventsByAdmin();
    await expect(
      createAgreement(ZCreateAgreement.parse({ ...base, partnerId: ghost, componentIds: [component.id] }), admin),
    ).rejects.toMatchObject({ code: "choiceGone", field: "partnerId" });
    await expect(
      createAgreement(
        ZCreateAgreement.parse({ ...base, partnerId: partner.id, componentIds: [component.id, ghost] }),
        admin,
      ),
    ).rejects.toMatchObject({
      code: "choiceGone",
      field: "componentIds",
    });
    expect(await db.agreement.count({ where: { partnerId: partner.id } })).toBe(0);
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });
});

// ---------------------------------------------------------------------------------------------

describe("components and their correspondents", () => {
  it("creates and edits a component, one audit event each", async () => {
    const component = await newComponent();
    const newCode = `D${suffix()}`;
    await updateComponent(
      ZUpdateComponent.parse({
        id: component.id,
        code: newCode,
        nameFr: "Faculté renommée",
        nameEn: "Renamed faculty",
      }),
      admin,
    );
    expect(await db.component.findUniqueOrThrow({ where: { id: component.id } })).toMatchObject({
      code: newCode,
      nameFr: "Faculté renommée",
    });
    const events = await eventsOf(component.id);
    expect(events.map((event) => event.action)).toEqual(["component.create", "component.update"]);
    expect(events[1]!.before).toMatchObject({ code: component.code });
    expect(events[1]!.after).toMatchObject({ code: newCode });
  });

  it("refuses a duplicate code, on its field, and changes nothing (create and edit)", async () => {
    const first = await newComponent();
    const second = await newComponent();
    const eventsBefore = await eventsByAdmin();
    await expect(
      createComponent(
        ZCreateComponent.parse({ code: first.code.toLowerCase(), nameFr: "Doublon", nameEn: "Duplicate" }),
        admin,
      ),
    ).rejects.toMatchObject({
      code: "componentCodeTaken",
      field: "code",
    });
    await expect(
      updateComponent(
        ZUpdateComponent.parse({ id: second.id, code: first.code, nameFr: "Changé", nameEn: "Changed" }),
        admin,
      ),
    ).rejects.toMatchObject({
      code: "componentCodeTaken",
      field: "code",
    });
    expect(await db.component.count({ where: { code: first.code } })).toBe(1);
    expect(await db.component.count({ where: { nameFr: "Doublon" } })).toBe(0);
    expect(await db.component.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      code: second.code,
      nameFr: second.nameFr,
    });
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });

  it("attaches and detaches a correspondent, one audit event each; repeating either changes nothing", async () => {
    const component = await newComponent();
    const correspondent = await db.user.create({
      data: { email: uniqueEmail("ri"), name: "Correspondent", passwordHash: "-", role: "CORRESPONDENT" },
    });
    const link = { componentId: component.id, userId: correspondent.id };
    await attachCorrespondent(link, admin);
    await attachCorrespondent(link, admin);
    expect(
      await db.component.count({ where: { id: component.id, correspondents: { some: { id: correspondent.id } } } }),
    ).toBe(1);
    await detachCorrespondent(link, admin);
    await detachCorrespondent(link, admin);
    expect(
      await db.component.count({ where: { id: component.id, correspondents: { some: { id: correspondent.id } } } }),
    ).toBe(0);
    const events = await eventsOf(component.id);
    expect(events.map((event) => event.action)).toEqual([
      "component.create",
      "component.attachCorrespondent",
      "component.detachCorrespondent",
    ]);
    expect(events[1]!.after).toMatchObject({ correspondent: { id: correspondent.id, email: correspondent.email } });
  });

  it("attaches only correspondents: a student or an admin is refused, on the user field", async () => {
    const component = await newComponent();
    const student = await db.user.create({
      data: { email: uniqueEmail("student"), name: "Student", passwordHash: "-", role: "STUDENT" },
    });
    await expect(attachCorrespondent({ componentId: component.id, userId: student.id }, admin)).rejects.toMatchObject({
      code: "notCorrespondent",
      field: "userId",
    });
    await expect(attachCorrespondent({ componentId: component.id, userId: admin.id }, admin)).rejects.toMatchObject({
      code: "notCorrespondent",
    });
    expect(await db.component.count({ where: { id: component.id, correspondents: { some: {} } } })).toBe(0);
    expect((await eventsOf(component.id)).map((event) => event.action)).toEqual(["component.create"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("programmes (R-ELI-6, R-ELI-7)", () => {
  it("creates a double degree with its capacity and partner, then edits it, one audit event each", async () => {
    const partner = await newPartner();
    const component = await newComponent();
    const fields = {
      componentId: component.id,
      nameFr: "Double licence",
      nameEn: "Double bachelor",
      level: "BACHELOR",
      teachingLanguage: "FRENCH_CHINESE",
    };
    const programme = await createProgramme(
      ZCreateProgramme.parse({ ...fields, doubleDegree: "on", yearlyCapacity: "150", partnerId: partner.id }),
      admin,
    );
    expect(await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).toMatchObject({
      doubleDegree: true,
      offshore: false,
      yearlyCapacity: 150,
      partnerId: partner.id,
    });

    await updateProgramme(
      ZUpdateProgramme.parse({ ...fields, id: programme.id, yearlyCapacity: "", partnerId: "" }),
      admin,
    );
    expect(await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).toMatchObject({
      doubleDegree: false,
      yearlyCapacity: null,
      partnerId: null,
    });

    const events = await eventsOf(programme.id);
    expect(events.map((event) => event.action)).toEqual(["programme.create", "programme.update"]);
    expect(events[1]!.before).toMatchObject({ doubleDegree: true, yearlyCapacity: 150 });
    expect(events[1]!.after).toMatchObject({ doubleDegree: false, yearlyCapacity: null });
  });

  it("refuses a component that no longer exists, and creates nothing", async () => {
    const eventsBefore = await eventsByAdmin();
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(
      createProgramme(
        ZCreateProgramme.parse({
          componentId: ghost,
          nameFr: "Fantôme",
          nameEn: "Ghost",
          level: "MASTER",
          teachingLanguage: "ENGLISH",
        }),
        admin,
      ),
    ).rejects.toMatchObject({ code: "choiceGone", field: "componentId" });
    expect(await db.programme.count({ where: { nameEn: "Ghost" } })).toBe(0);
    expect(await eventsByAdmin()).toBe(eventsBefore);
  });
});

// ---------------------------------------------------------------------------------------------

describe("DRI contacts (R-ELI-7)", () => {
  it("saves both contacts with one audit event, and getPortalSettings reads them", async () => {
    const before = await getPortalSettings();
    await updateDriContacts(
      ZDriContacts.parse({
        cooperationEmail: "Cooperation@amu.example.org",
        incomingEmail: "incoming@amu.example.org",
      }),
      admin,
    );
    await updateDriContacts(
      ZDriContacts.parse({
        cooperationEmail: "cooperation-2@amu.example.org",
        incomingEmail: "incoming@amu.example.org",
      }),
      admin,
    );
    const rows = await db.portalSetting.findMany({ where: { key: { startsWith: "dri." } }, orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.value])).toEqual([
      ["dri.cooperation.email", "cooperation-2@amu.example.org"],
      ["dri.incoming.email", "incoming@amu.example.org"],
    ]);
    const events = await db.auditEvent.findMany({
      where: { actorId: admin.id, action: "settings.update" },
      orderBy: { id: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]!.before).toEqual({
      "dri.cooperation.email": before.cooperationEmail,
      "dri.incoming.email": before.incomingEmail,
    });
    expect(events[1]!.before).toMatchObject({ "dri.cooperation.email": "cooperation@amu.example.org" });
    expect(events[1]!.after).toMatchObject({ "dri.cooperation.email": "cooperation-2@amu.example.org" });
  });
});
