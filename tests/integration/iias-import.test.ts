/**
 * EWP IIAs v7 import and export against a real PostgreSQL: the preview writes nothing, the
 * import writes every IIA or none, our export validates against the official schema, carries
 * its correct hash and, re-imported, gives the same agreement and the same hash; an approval
 * is refused for an IIA that is not valid for approval.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { analyseIiasResponse } from "@/lib/ewp/iias-response";
import { validateEwpXml } from "@/lib/ewp/schema-validation";
import { approvalResponseFor, exportAgreementIia } from "@/lib/iias/export";
import { previewIiaImport } from "@/lib/iias/queries";
import { importIias } from "@/lib/iias/service";
import { ewpSpecsAvailable, ewpSpecsDir } from "../support/ewp-specs";
import { iiaResponse, spec, studiesBody } from "../support/iia-xml";
import { createViewer } from "./fixtures";

const AMU = "univ-amu.fr";
const encode = (text: string) => new TextEncoder().encode(text);
let admin: Viewer;
let partnerHeiId: string;
let partnerId: string;

/** The partner's copy: they list themselves first; the mobility is theirs → AMU. */
function partnerCopy(
  options: { eqf?: string[]; seats?: string; theirId?: string; ourId?: string; hash?: string; v6?: boolean } = {},
) {
  return iiaResponse(
    [
      spec("student-studies-mobility-spec", {
        from: partnerHeiId,
        to: AMU,
        body: studiesBody({
          eqf: options.eqf ?? ["6", "7"],
          seats: options.seats ?? "3",
          v6Isced: options.v6 ? "031" : undefined,
        }),
      }),
    ],
    {
      heis: [partnerHeiId, AMU],
      ids: [options.theirId ?? "their-iia-1", options.ourId ?? "our-iia-1"],
      hash: options.hash,
    },
  );
}

/** The same file with its correct hash written in. */
async function signed(xml: string): Promise<string> {
  const analysis = await analyseIiasResponse(encode(xml), ewpSpecsDir);
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.refusal));
  return analysis.iias.reduce((text, iia) => text.replace("0".repeat(64), iia.computedHash), xml);
}

const countsOf = async () => ({ agreements: await db.agreement.count(), audit: await db.auditEvent.count() });

beforeAll(async () => {
  admin = await createViewer("ADMIN");
  partnerHeiId = `p${randomBytes(4).toString("hex")}.example.pl`;
  partnerId = (
    await db.partnerInstitution.create({
      data: { name: "Uniwersytet Testowy", country: "PL", city: "Warszawa", ewpHeiId: partnerHeiId },
      select: { id: true },
    })
  ).id;
});

describe.skipIf(!ewpSpecsAvailable)("importing a partner's IIAs", () => {
  it("previews what would change and writes nothing, then imports", async () => {
    const file = encode(await signed(partnerCopy()));
    const before = await countsOf();
    const preview = await previewIiaImport(admin, file);
    if (!preview.ok) throw new Error(JSON.stringify(preview.refusal));
    expect(preview.iias).toEqual([
      expect.objectContaining({
        partnerIiaId: "their-iia-1",
        hashMatches: true,
        validForApproval: true,
        problems: [],
        agreementId: null,
        changes: expect.arrayContaining([
          { field: "eqfLevels", before: "", after: "6, 7" },
          { field: "studyLevels", before: "", after: "BACHELOR, MASTER" },
          { field: "incomingSeatsPerYear", before: "", after: "3" },
          { field: "firstAcademicYear", before: "", after: "2026" },
        ]),
      }),
    ]);
    expect(await countsOf()).toEqual(before);

    const { agreementIds } = await importIias(file, { id: admin.id });
    const saved = await db.agreement.findUniqueOrThrow({ where: { id: agreementIds[0] } });
    expect(saved).toMatchObject({
      partnerId,
      partnerIiaId: "their-iia-1",
      ewpIiaId: "our-iia-1",
      eqfLevels: [6, 7],
      incomingSeatsPerYear: 3,
      lastAcademicYear: 2028,
      status: "SIGNED",
      languageRequirements: ["fr:B2"],
      iscedCodes: ["0314"],
    });
    expect(await db.auditEvent.count({ where: { entityId: saved.id, action: "agreement.ewpImport" } })).toBe(1);

    // A later version of their copy: the preview names the one field that changes.
    const next = await previewIiaImport(admin, encode(await signed(partnerCopy({ seats: "4" }))));
    expect(next.ok && next.iias[0]?.changes).toEqual([{ field: "incomingSeatsPerYear", before: "3", after: "4" }]);
    expect(next.ok && next.iias[0]?.agreementId).toBe(saved.id);
  });

  it.each([
    [
      "a hash that does not match",
      async () => partnerCopy({ theirId: "their-iia-2", hash: "a".repeat(64) }),
      "hashMismatch",
    ],
    [
      "an unknown partner",
      async () => signed(partnerCopy({ theirId: "x" }).replaceAll(partnerHeiId, "nobody.example")),
      "partnerUnknown",
    ],
    ["an IIA that is not ours", async () => signed(partnerCopy().replaceAll(AMU, "elsewhere.example")), "notOurs"],
  ])("refuses %s and writes nothing", async (_name, make, problem) => {
    const file = encode(await make());
    const preview = await previewIiaImport(admin, file);
    expect(preview.ok && preview.iias[0]?.problems).toContain(problem);
    const before = await countsOf();
    await expect(importIias(file, { id: admin.id })).rejects.toMatchObject({ code: `ewp.${problem}` });
    expect(await countsOf()).toEqual(before);
  });

  it.each([
    ["not XML", encode("just text"), "ewp.notXml"],
    ["an XML bomb", encode('<!DOCTYPE a [<!ENTITY b "bbbbbbbb"><!ENTITY c "&b;&b;&b;&b;">]><a>&c;</a>'), "ewp.doctype"],
    [
      "another EWP document",
      encode(
        '<iias-approval-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/tree/stable-v2"/>',
      ),
      "ewp.otherDocument",
    ],
    [
      "a schema-invalid file",
      encode(iiaResponse([spec("student-studies-mobility-spec", { body: "<eqf-level>7</eqf-level>" })])),
      "ewp.schemaInvalid",
    ],
    ["Latin-1", Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), "ewp.notUtf8"],
  ])("refuses %s as hostile input, nothing written", async (_name, bytes, code) => {
    const before = await countsOf();
    await expect(importIias(bytes, { id: admin.id })).rejects.toMatchObject({ code });
    expect(await countsOf()).toEqual(before);
  });
});

describe.skipIf(!ewpSpecsAvailable)("our copy as an IIAs v7 get response", () => {
  it("validates against the official schema, carries its hash, and re-imports as the same agreement", async () => {
    const agreement = await db.agreement.create({
      data: {
        partnerId,
        kind: "ERASMUS_PLUS",
        partnerIiaId: "their-iia-export",
        studyLevels: ["MASTER"],
        eqfLevels: [7],
        iscedCodes: ["0413"],
        languageRequirements: ["en:B2", "fr:B1"],
        firstAcademicYear: 2026,
        lastAcademicYear: 2029,
        incomingSeatsPerYear: 4,
      },
      select: { id: true },
    });
    const { xml, iiaId } = await exportAgreementIia(admin, agreement.id);
    expect(iiaId).toBe(agreement.id);
    expect(await validateEwpXml(ewpSpecsDir, "iias-get-response", xml)).toEqual({ valid: true });
    const analysis = await analyseIiasResponse(encode(xml), ewpSpecsDir);
    if (!analysis.ok) throw new Error("export refused");
    expect(analysis.iias[0]).toMatchObject({
      hashMatches: true,
      validForApproval: true,
      partnerHeiId: AMU,
      otherIiaId: "their-iia-export",
    });

    const before = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    const preview = await previewIiaImport(admin, encode(xml));
    expect(preview.ok && preview.iias[0]).toMatchObject({
      agreementId: agreement.id,
      problems: [],
      changes: [{ field: "ewpIiaId", before: "", after: agreement.id }],
    });
    await importIias(encode(xml), { id: admin.id });
    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect({ ...after, ewpIiaId: null, updatedAt: null, partnerIiaHash: null }).toEqual({
      ...before,
      updatedAt: null,
      partnerIiaHash: null,
    });
    const again = await exportAgreementIia(admin, agreement.id);
    expect(again.xml).toBe(xml);
  });
});

describe.skipIf(!ewpSpecsAvailable)("approving a partner's IIA (IIAs Approval v2)", () => {
  it("answers a schema-valid approval with the hash of their copy", async () => {
    const preview = await previewIiaImport(admin, encode(await signed(partnerCopy({ theirId: "their-approve" }))));
    if (!preview.ok) throw new Error("refused");
    const approval = approvalResponseFor(preview.iias);
    expect(await validateEwpXml(ewpSpecsDir, "iias-approval-response", approval)).toEqual({ valid: true });
    expect(approval).toContain(`<iia-id>their-approve</iia-id><iia-hash>${preview.iias[0]?.computedHash}</iia-hash>`);
  });

  it("refuses an IIA that is not valid for approval", async () => {
    const preview = await previewIiaImport(admin, encode(await signed(partnerCopy({ theirId: "their-v6", v6: true }))));
    if (!preview.ok) throw new Error("refused");
    expect(preview.iias[0]?.validForApproval).toBe(false);
    expect(() => approvalResponseFor(preview.iias)).toThrow(
      expect.objectContaining({ code: "ewp.notValidForApproval" }),
    );
  });
});
