/**
 * R-ELI-2: nominations from an EWP Outgoing Mobilities v3 file, validated with the official schema
 * files (EWP_SPECS_DIR, never copied into the repository) and mapped to the CSV's fields; skipped,
 * saying why, on a machine without the files.
 */

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { confirmEwpNominations, previewEwpNominations } from "@/lib/nominations/service";
import { ewpSpecsAvailable, ewpSpecsDir } from "../support/ewp-specs";
import { createCall, createComponent, createPartner, createViewer, thisYear } from "./fixtures";

const ns =
  "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/get-response.xsd";
const year = thisYear + 1;

/** A get response with one mobility per e-mail, written from the schema (not from the examples). */
function omobilities(heiId: string, ounitId: string, emails: string[], term = "1/2") {
  const mobility = (email: string, index: number) => `
  <student-mobility>
    <omobility-id>mobility-${index}-${randomBytes(3).toString("hex")}</omobility-id>
    <student>
      <given-names>Jan</given-names>
      <family-name>Kowalski</family-name>
      <global-id>urn:schac:personalUniqueCode:int:esi:${heiId}:${index}</global-id>
      <birth-date>2002-03-04</birth-date>
      <nationality>PL</nationality>
      <gender>1</gender>
      <email>${email}</email>
    </student>
    <nomination proposal-id="proposal-${index}">
      <sending-hei><hei-id>${heiId}</hei-id></sending-hei>
      <receiving-hei><hei-id>univ-amu.fr</hei-id><ounit-id>${ounitId}</ounit-id></receiving-hei>
      <sending-academic-term-ewp-id>${year}/${year + 1}-${term}</sending-academic-term-ewp-id>
      <receiving-academic-year-id>${year}/${year + 1}</receiving-academic-year-id>
      <activity-type>student-studies</activity-type>
      <activity-attributes>long-term</activity-attributes>
      <agreement-isced-f-code>0533</agreement-isced-f-code>
      <eqf-level-studied-at-departure>7</eqf-level-studied-at-departure>
      <nominee-isced-f-code>0533</nominee-isced-f-code>
    </nomination>
    <status>pending</status>
  </student-mobility>`;
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<omobilities-get-response xmlns="${ns}">${emails.map(mobility).join("")}\n</omobilities-get-response>\n`,
  );
}

describe.skipIf(!ewpSpecsAvailable)("R-ELI-2: nominations from an EWP Outgoing Mobilities v3 file", () => {
  let admin: Viewer;
  let component: { id: string; code: string };
  let heiId: string;

  beforeAll(async () => {
    admin = await createViewer("ADMIN");
    component = await createComponent();
    const partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"] }]);
    heiId = `uw-${randomBytes(3).toString("hex")}.edu.pl`;
    await db.partnerInstitution.update({ where: { id: partner.id }, data: { ewpHeiId: heiId } });
    await createCall(year, "S1");
  });

  it("validates with the official schema, maps each mobility, and records them with drafts", async () => {
    const email = `ewp-${randomBytes(4).toString("hex")}@example.org`;
    const file = omobilities(heiId, component.code, [email]);
    const preview = await previewEwpNominations(file);
    expect(preview).toMatchObject({
      ok: true,
      errors: [],
      rows: [
        {
          studentName: "Jan Kowalski",
          email,
          componentId: component.id,
          studyLevel: "MASTER",
          period: "S1",
          academicYear: year,
          homeCoordinatorName: `International office, ${heiId}`,
        },
      ],
    });
    expect(await db.nomination.count({ where: { email } })).toBe(0);

    const { count, drafts } = await confirmEwpNominations(file, { id: admin.id });
    expect([count, drafts]).toEqual([1, 1]);
    expect(await db.nomination.findFirstOrThrow({ where: { email } })).toMatchObject({ source: "EWP" });
  });

  it("names per-field errors of a valid file (an unknown partner or faculty), writing nothing", async () => {
    const email = `ewp-${randomBytes(4).toString("hex")}@example.org`;
    const preview = await previewEwpNominations(omobilities("unknown.example.org", "NOPE", [email]));
    expect(preview.ok && preview.errors).toEqual([
      { row: 1, column: "partner", problem: "partnerUnknown" },
      { row: 1, column: "component", problem: "componentUnknown" },
    ]);
    await expect(
      confirmEwpNominations(omobilities("unknown.example.org", "NOPE", [email]), { id: admin.id }),
    ).rejects.toMatchObject({ code: "nominationImportInvalid" });
  });

  it("refuses a file the schema refuses, with its errors, and another document", async () => {
    const invalid = new TextEncoder().encode(
      `<omobilities-get-response xmlns="${ns}"><student-mobility><status>nomination</status></student-mobility></omobilities-get-response>`,
    );
    const result = await previewEwpNominations(invalid);
    expect(result).toMatchObject({ ok: false, problem: "ewpSchemaInvalid" });
    expect(!result.ok && "schemaErrors" in result && result.schemaErrors.length).toBeGreaterThan(0);
    expect(await previewEwpNominations(new TextEncoder().encode("<other/>"))).toMatchObject({
      ok: false,
      problem: "ewpOtherDocument",
    });
  });

  it("reads the official example (valid), reporting what AMU cannot map", async () => {
    const example = readFileSync(path.join(ewpSpecsDir, "omobilities-v3", "examples", "get-response-example.xml"));
    const preview = await previewEwpNominations(new Uint8Array(example));
    expect(preview.ok).toBe(true);
    // uio.no is no partner of this database; the example names no receiving faculty; 2022 is over.
    expect(preview.ok && preview.errors.map((error) => error.column)).toEqual(
      expect.arrayContaining(["partner", "component", "academic_year"]),
    );
  });
});
