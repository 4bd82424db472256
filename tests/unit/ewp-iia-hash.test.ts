import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeConditionsHashV6 } from "@/lib/ewp/conditions-hash-v6";
import { approvalBlockers, isValidForApproval } from "@/lib/ewp/iia-approval";
import { computeIiaHash, hashPieces, textToHash } from "@/lib/ewp/iia-hash";
import { childrenByName, childText, parseXml } from "@/lib/ewp/xml-dom";
import { ewpSpecsAvailable, ewpSpecsDir } from "@/tests/support/ewp-specs";
import { iiaResponse, spec } from "@/tests/support/iia-xml";

type Vector = { file: string; kind: string; expected: string[] | null; validForApproval?: boolean; note: string };

const vectors: Vector[] = ewpSpecsAvailable
  ? JSON.parse(readFileSync(path.join(ewpSpecsDir, "iias-v7", "hash-test-vectors", "VECTORS.json"), "utf8"))
  : [];

function firstIia(xml: string) {
  const root = parseXml(xml);
  if (!root) throw new Error("not XML");
  const iia = childrenByName(root, "iia")[0];
  if (!iia) throw new Error("no iia");
  return { root, iia };
}

describe.skipIf(!ewpSpecsAvailable)("official IIA hash vectors (iias-v7/hash-test-vectors)", () => {
  const hashed = vectors.filter((vector) => vector.expected !== null);
  it("lists every vector", () => expect(hashed.length).toBeGreaterThanOrEqual(8));

  it.each(hashed.map((vector) => [vector.file, vector] as const))("%s gives its expected hash", (_file, vector) => {
    const { root, iia } = firstIia(readFileSync(path.join(ewpSpecsDir, "iias-v7", vector.file), "utf8"));
    const computed = vector.kind.startsWith("v6") ? computeConditionsHashV6(iia) : computeIiaHash(iia, root);
    expect(computed).toBe(vector.expected?.[0]);
    const declared = childText(iia, vector.kind.startsWith("v6") ? "conditions-hash" : "iia-hash")?.trim();
    // The one vector written to fail: its stated hash must NOT match what its content gives.
    expect(declared === computed).toBe(!vector.note.includes("must NOT match"));
    if (vector.validForApproval !== undefined) expect(isValidForApproval(iia, root)).toBe(vector.validForApproval);
  });

  it("reproduces the published text-to-hash of the XSLT kit", () => {
    const readme = readFileSync(path.join(ewpSpecsDir, "iias-v7", "resources", "xsltKit", "README.md"), "utf8");
    const published = /<text-to-hash>([^<]+)<\/text-to-hash>\s*<valid-for-approval>/.exec(readme)?.[1];
    const { root, iia } = firstIia(
      readFileSync(path.join(ewpSpecsDir, "iias-v7", "resources", "xsltKit", "get-response-v7.xml"), "utf8"),
    );
    expect(textToHash(hashPieces(iia, root))).toBe(published);
  });
});

describe("text-to-hash rules (edge cases the official examples do not cover)", () => {
  const base = spec("student-studies-mobility-spec", { body: "<eqf-level>7</eqf-level>" });
  it.each([
    [
      "values are not trimmed",
      spec("student-studies-mobility-spec", { body: "<eqf-level> 7 </eqf-level>" }),
      "eqf-level= 7 _",
    ],
    [
      "entities are decoded",
      spec("student-studies-mobility-spec", {
        body: "<subject-area><isced-f-code>0314</isced-f-code><isced-clarification>A &amp; B</isced-clarification></subject-area>",
      }),
      "isced-clarification=A & B_",
    ],
    [
      "contacts are left out",
      spec("student-studies-mobility-spec", { body: "<eqf-level>7</eqf-level>", contact: true }),
      "eqf-level=7_",
    ],
    [
      "a not-yet-defined element is left out, with its children",
      spec("student-studies-mobility-spec", {
        body: '<recommended-language-skill not-yet-defined="1"><language>fr</language></recommended-language-skill><eqf-level>7</eqf-level>',
      }),
      "mobility-spec.eqf-level=7_",
    ],
    [
      "years come last in each spec",
      base,
      "eqf-level=7__receiving-first-academic-year-id=2026/2027__receiving-last-academic-year-id=2028/2029_",
    ],
    [
      "a v6-value replaces the ISCED code",
      spec("student-studies-mobility-spec", {
        body: '<subject-area><isced-f-code v6-value="031">0314</isced-f-code></subject-area>',
      }),
      "subject-area.isced-f-code=031_",
    ],
  ])("%s", (_name, body, fragment) => {
    const { iia } = firstIia(iiaResponse([body]));
    const text = textToHash(hashPieces(iia));
    expect(text).toContain(fragment);
    expect(text).not.toContain("not-yet-defined");
    expect(text).not.toContain("Contact Person");
    expect(text.startsWith("_iia-id_1=ours-1__iia-id_2=theirs-1_")).toBe(true);
  });

  it("terminated-as-a-whole comes first", () => {
    const { iia } = firstIia(iiaResponse([base], { terminated: true }));
    expect(textToHash(hashPieces(iia)).startsWith("_@terminated-as-a-whole@__iia-id_1=")).toBe(true);
  });

  it("whitespace between elements and namespace prefixes do not change the hash", () => {
    const compact = iiaResponse([base]);
    const airy = compact.replaceAll("><", ">\n   <").replace("<iia>", "<!-- note --><iia>");
    expect(computeIiaHash(firstIia(airy).iia)).toBe(computeIiaHash(firstIia(compact).iia));
  });
});

describe("valid for approval (IIAs v7: not-yet-defined and v6-value block approval)", () => {
  it.each([
    ["complete", "<eqf-level>7</eqf-level>", true, []],
    [
      "not-yet-defined=true",
      '<mobilities-per-year not-yet-defined="true">2</mobilities-per-year>',
      false,
      ["notYetDefined"],
    ],
    ["not-yet-defined=1", '<mobilities-per-year not-yet-defined="1">2</mobilities-per-year>', false, ["notYetDefined"]],
    ["not-yet-defined=false", '<mobilities-per-year not-yet-defined="false">2</mobilities-per-year>', true, []],
    ["v6-value", '<subject-area><isced-f-code v6-value="031">0314</isced-f-code></subject-area>', false, ["v6Value"]],
    ["empty v6-value", '<subject-area><isced-f-code v6-value="">0314</isced-f-code></subject-area>', true, []],
  ])("%s", (_name, body, valid, reasons) => {
    const { iia, root } = firstIia(iiaResponse([spec("student-studies-mobility-spec", { body })]));
    expect(isValidForApproval(iia, root)).toBe(valid);
    expect(approvalBlockers(iia, root).map((blocker) => blocker.reason)).toEqual(reasons);
  });

  it("the official whole-response rule also blocks an IIA whose neighbour is incomplete", () => {
    const xml = iiaResponse([spec("student-studies-mobility-spec", { body: "<eqf-level>7</eqf-level>" })], {
      extraIia: spec("student-studies-mobility-spec", {
        body: '<mobilities-per-year not-yet-defined="true">1</mobilities-per-year>',
      }),
    });
    const { iia, root } = firstIia(xml);
    expect(isValidForApproval(iia)).toBe(true);
    expect(approvalBlockers(iia, root)).toEqual([
      expect.objectContaining({ reason: "notYetDefined", elsewhere: true }),
    ]);
  });
});
