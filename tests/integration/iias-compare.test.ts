/**
 * ★ The mismatch explainer through its action, as an administrator: two copies in, the
 * differences that change the hash and those that do not out; hostile files refused clearly.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { compareIiaCopiesAction } from "@/lib/iias/actions";
import { ewpSpecsAvailable } from "../support/ewp-specs";
import { iiaResponse, spec, studiesBody } from "../support/iia-xml";
import { createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

beforeAll(async () => {
  principal.viewer = await createViewer("ADMIN");
});

const xmlFile = (text: string, name: string) => new File([text], name, { type: "application/xml" });

function compare(ours: string, theirs: string) {
  const form = new FormData();
  form.set("ours", xmlFile(ours, "ours.xml"));
  form.set("theirs", xmlFile(theirs, "theirs.xml"));
  return compareIiaCopiesAction(null, form);
}

const STUDIES = "student-studies-mobility-spec";

describe.skipIf(!ewpSpecsAvailable)("comparing our copy of an IIA with the partner's", () => {
  it("names the EQF level that changes the hash, and the contact that does not", async () => {
    const ours = iiaResponse([spec(STUDIES, { body: studiesBody({ eqf: ["7"] }) })]);
    const theirs = iiaResponse([spec(STUDIES, { body: studiesBody({ eqf: ["6", "7"] }) })], {
      contactName: "Bob Durand",
    });
    const result = await compare(ours, theirs);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.differences).toEqual([
      expect.objectContaining({
        kind: "field",
        field: "eqf-level",
        ours: ["7"],
        theirs: ["6", "7"],
        changesHash: true,
      }),
      expect.objectContaining({ kind: "notHashed", field: "contact", changesHash: false }),
    ]);
    expect(result.data.oursHash).not.toBe(result.data.theirsHash);
  });

  it.each([
    [
      "an entity bomb",
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><a>&a;</a>',
      /partner's file declares a DOCTYPE/,
    ],
    ["not XML", "hello", /partner's file is not an XML document/],
    [
      "a schema-invalid file",
      iiaResponse([spec(STUDIES, { body: "<eqf-level>7</eqf-level>" })]),
      /official IIAs v7 schema \(line 1\): .*eqf-level/,
    ],
  ] as const)("refuses %s on the side it came from", async (_name, theirs, reason) => {
    const result = await compare(iiaResponse([spec(STUDIES, { body: studiesBody() })]), theirs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.theirs).toBe(result.message);
    expect(result.message).toMatch(reason);
  });
});
