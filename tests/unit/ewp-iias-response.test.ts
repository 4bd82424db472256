import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseIiasResponse } from "@/lib/ewp/iias-response";
import { ewpSpecsAvailable, ewpSpecsDir } from "@/tests/support/ewp-specs";
import { iiaResponse, spec, studiesBody } from "@/tests/support/iia-xml";

const encode = (text: string) => new TextEncoder().encode(text);
const BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><iias-get-response>&lol2;</iias-get-response>`;
const EXTERNAL = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><iias-get-response>&x;</iias-get-response>`;

describe("a partner's IIAs file that must be refused", () => {
  it("says EWP validation is not configured, and reads nothing, without a specifications folder", async () => {
    expect(await analyseIiasResponse(encode("<x/>"), null)).toEqual({
      ok: false,
      refusal: { reason: "notConfigured" },
    });
  });

  it.each<[string, Uint8Array, string]>([
    ["not XML", encode("%PDF-1.7 not xml at all"), "notXml"],
    ["truncated XML", encode("<iias-get-response><iia>"), "malformed"],
    ["Latin-1 bytes", Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), "notUtf8"],
    ["a declared other encoding", encode('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), "notUtf8"],
    ["an entity-expansion bomb", encode(BOMB), "doctype"],
    ["an external entity", encode(EXTERNAL), "doctype"],
    ["50 MB", new Uint8Array(50 * 1024 * 1024).fill(0x20), "tooLarge"],
  ])("%s", async (_name, bytes, reason) => {
    const analysis = await analyseIiasResponse(bytes, ewpSpecsDir);
    expect(analysis).toEqual({ ok: false, refusal: expect.objectContaining({ reason }) });
  });
});

describe.skipIf(!ewpSpecsAvailable)("a partner's IIAs file checked against the official schema", () => {
  it("refuses another EWP API's document", async () => {
    const approval = readFileSync(path.join(ewpSpecsDir, "iias-approval-v2", "response-example.xml"));
    const analysis = await analyseIiasResponse(approval, ewpSpecsDir);
    expect(analysis).toEqual({ ok: false, refusal: expect.objectContaining({ reason: "otherDocument" }) });
  });

  it("refuses a schema-invalid file with the schema's own words", async () => {
    const invalid = iiaResponse([spec("student-studies-mobility-spec", { body: "<eqf-level>eleven</eqf-level>" })]);
    const analysis = await analyseIiasResponse(encode(invalid), ewpSpecsDir);
    expect(analysis.ok).toBe(false);
    if (analysis.ok || analysis.refusal.reason !== "schemaInvalid") throw new Error("expected schemaInvalid");
    expect(analysis.refusal.errors[0]?.message).toMatch(/eqf-level/);
  });

  it("accepts a valid file and reports each IIA's hash and approval state", async () => {
    const xml = iiaResponse([
      spec("student-studies-mobility-spec", {
        body: studiesBody({ v6Isced: "031" }),
      }),
    ]);
    const analysis = await analyseIiasResponse(encode(xml), ewpSpecsDir);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.refusal));
    expect(analysis.iias).toEqual([
      expect.objectContaining({
        partnerIiaId: "ours-1",
        partnerHeiId: "ours.example",
        otherIiaId: "theirs-1",
        hashMatches: false,
        validForApproval: false,
      }),
    ]);
    const fixed = xml.replace("0".repeat(64), analysis.iias[0]?.computedHash ?? "");
    const again = await analyseIiasResponse(encode(fixed), ewpSpecsDir);
    expect(again.ok && again.iias[0]?.hashMatches).toBe(true);
  });
});
