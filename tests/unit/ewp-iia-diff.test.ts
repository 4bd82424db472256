import { describe, expect, it } from "vitest";
import { explainMismatch, type IiaDifference } from "@/lib/ewp/iia-diff";
import { childrenByName, parseXml } from "@/lib/ewp/xml-dom";
import { iiaResponse, spec } from "@/tests/support/iia-xml";

const STUDIES = "student-studies-mobility-spec";

function copy(xml: string) {
  const root = parseXml(xml);
  const iia = root && childrenByName(root, "iia")[0];
  if (!root || !iia) throw new Error("bad fixture");
  return { iia, scope: root };
}

const ours = iiaResponse([
  spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" }),
]);

function explain(theirs: string) {
  return explainMismatch(copy(ours), copy(theirs));
}

describe("mismatch explainer: what changes the hash", () => {
  it.each<[string, string, Partial<IiaDifference>]>([
    [
      "an EQF level more on their side",
      iiaResponse([
        spec(STUDIES, {
          body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>6</eqf-level><eqf-level>7</eqf-level>",
        }),
      ]),
      { kind: "field", field: "eqf-level", ours: ["7"], theirs: ["6", "7"], whitespaceOnly: false, changesHash: true },
    ],
    [
      "spaces inside a value",
      iiaResponse([spec(STUDIES, { body: "<mobilities-per-year> 2 </mobilities-per-year><eqf-level>7</eqf-level>" })]),
      { kind: "field", field: "mobilities-per-year", whitespaceOnly: true, changesHash: true },
    ],
    [
      "a different last academic year",
      iiaResponse([
        spec(STUDIES, {
          body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>",
          years: ["2026/2027", "2029/2030"],
        }),
      ]),
      { kind: "field", field: "receiving-last-academic-year-id", ours: ["2028/2029"], theirs: ["2029/2030"] },
    ],
    [
      "the same values in another order",
      iiaResponse([spec(STUDIES, { body: "<eqf-level>7</eqf-level><mobilities-per-year>2</mobilities-per-year>" })]),
      { kind: "order", changesHash: true },
    ],
    [
      "a mobility only they describe",
      iiaResponse([
        spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" }),
        spec("staff-teacher-mobility-spec", { body: "<mobilities-per-year>1</mobilities-per-year>" }),
      ]),
      {
        kind: "specOnlyIn",
        side: "theirs",
        spec: {
          name: "staff-teacher-mobility-spec",
          sendingHeiId: "ours.example",
          receivingHeiId: "theirs.example",
          occurrence: 1,
        },
      },
    ],
    [
      "their IIA ID for us is not ours",
      iiaResponse([spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" })], {
        ids: ["ours-OLD", "theirs-1"],
      }),
      { kind: "iiaId", heiId: "ours.example", ours: "ours-1", theirs: "ours-OLD" },
    ],
    [
      "terminated as a whole on their side only",
      iiaResponse([spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" })], {
        terminated: true,
      }),
      { kind: "terminated", ours: false, theirs: true },
    ],
  ])("%s", (_name, theirs, expected) => {
    const explanation = explain(theirs);
    expect(explanation.differences).toEqual([expect.objectContaining(expected)]);
    expect(explanation.oursHash).not.toBe(explanation.theirsHash);
  });
});

describe("mismatch explainer: what does not change the hash", () => {
  it.each<[string, string, Partial<IiaDifference>]>([
    [
      "another contact",
      iiaResponse([spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" })], {
        contactName: "Bob Durand",
      }),
      { kind: "notHashed", field: "contact", changesHash: false },
    ],
    [
      "a mobility contact",
      iiaResponse([
        spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>", contact: true }),
      ]),
      { kind: "notHashed", field: "mobility-contact" },
    ],
    ["whitespace outside values", ours.replaceAll("><", ">\n  <"), { kind: "formattingOnly", changesHash: false }],
  ])("%s", (_name, theirs, expected) => {
    const explanation = explain(theirs);
    expect(explanation.differences).toEqual([expect.objectContaining(expected)]);
    expect(explanation.oursHash).toBe(explanation.theirsHash);
  });

  it("says when the partner's stated hash does not match its own content", () => {
    const explanation = explain(ours);
    expect(explanation.theirsDeclaredMismatch).toBe(true);
    expect(explain(ours.replace("0".repeat(64), explanation.theirsHash)).theirsDeclaredMismatch).toBe(false);
  });

  it("reports each side's own order of partners (each lists itself first)", () => {
    const theirs = iiaResponse(
      [spec(STUDIES, { body: "<mobilities-per-year>2</mobilities-per-year><eqf-level>7</eqf-level>" })],
      {
        ids: ["theirs-1", "ours-1"],
        heis: ["theirs.example", "ours.example"],
      },
    );
    const { differences } = explain(theirs);
    expect(differences).toContainEqual(
      expect.objectContaining({
        kind: "partnerOrder",
        ours: ["ours.example", "theirs.example"],
        theirs: ["theirs.example", "ours.example"],
      }),
    );
    // The IIA IDs are matched by institution, not by position: none is reported as different.
    expect(differences.filter((difference) => difference.kind === "iiaId" || difference.kind === "field")).toEqual([]);
  });
});
