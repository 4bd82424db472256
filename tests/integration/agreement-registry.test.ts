/**
 * The agreement registry's form fields (status, signing date, EQF levels, ISCED-F codes,
 * language levels, periods) against a real PostgreSQL: saved and audited when valid; refused
 * through the action with what was typed echoed back, and nothing written, when not.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { updateAgreementAction } from "@/lib/agreements/actions";
import { getSignedPdf } from "@/lib/agreements/queries";
import { changedAgreementFields } from "@/lib/agreements/rules";
import { ZUpdateAgreement } from "@/lib/agreements/schemas";
import { attachSignedPdf, updateAgreement } from "@/lib/agreements/service";
import { listEntityHistory } from "@/lib/audit-queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createLocalStorage } from "@/lib/documents/storage";
import { createComponent, createPartner, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

let admin: Viewer;
beforeAll(async () => {
  admin = await createViewer("ADMIN");
  principal.viewer = admin;
});

/** An agreement as the seed types them, before the registry's fields existed. */
async function existingAgreement() {
  const component = await createComponent();
  const partner = await createPartner([{ componentIds: [component.id], years: [2025, 2028] }]);
  const agreement = await db.agreement.findFirstOrThrow({ where: { partnerId: partner.id } });
  return { agreement, partner, component };
}

function formOf(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

describe("the agreement registry's fields", () => {
  it("saves status, signing date, EQF levels, ISCED-F codes, language levels and periods, audited", async () => {
    const { agreement, partner, component } = await existingAgreement();
    expect(agreement).toMatchObject({ status: "SIGNED", periods: [], signedOn: null, eqfLevels: [] });
    await updateAgreement(
      ZUpdateAgreement.parse({
        id: agreement.id,
        partnerId: partner.id,
        kind: "ERASMUS_PLUS",
        componentIds: component.id,
        studyLevels: ["BACHELOR", "MASTER"],
        firstAcademicYear: "2025",
        lastAcademicYear: "2028",
        incomingSeatsPerYear: "4",
        status: "TERMINATED",
        signedOn: "2025-03-14",
        eqfLevels: ["7", "6", "7"],
        iscedCodes: "0314, 0421,0314",
        languageRequirements: "FR:b2, en:C1",
        periods: ["S1", "FULL_YEAR"],
      }),
      { id: admin.id },
    );
    const saved = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(saved).toMatchObject({
      status: "TERMINATED",
      signedOn: new Date("2025-03-14T00:00:00Z"),
      eqfLevels: [6, 7],
      iscedCodes: ["0314", "0421"],
      languageRequirements: ["fr:B2", "en:C1"],
      periods: ["S1", "FULL_YEAR"],
      incomingSeatsPerYear: 4,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: agreement.id, action: "agreement.update" },
    });
    expect(event.before).toMatchObject({ status: "SIGNED", eqfLevels: [], periods: [] });
    expect(event.after).toMatchObject({
      status: "TERMINATED",
      iscedCodes: ["0314", "0421"],
      periods: ["S1", "FULL_YEAR"],
    });
  });

  it.each([
    ["an ISCED-F code of three digits", { iscedCodes: "031" }, "iscedCodes", /four-digit ISCED-F/],
    ["a language without its level", { languageRequirements: "fr" }, "languageRequirements", /code:level/],
    ["a CEFR level that does not exist", { languageRequirements: "fr:B3" }, "languageRequirements", /code:level/],
    ["an EQF level outside 5 to 8", { eqfLevels: "9" }, "eqfLevels", /not valid/],
    ["a status that does not exist", { status: "ARCHIVED" }, "status", /not valid/],
    ["a period that does not exist", { periods: "SUMMER" }, "periods", /not valid/],
    ["a date that is not one", { signedOn: "2025-02-30" }, "signedOn", /Enter a date/],
  ] as const)("refuses %s on its field, keeps what was typed, writes nothing", async (_name, bad, field, message) => {
    const { agreement, partner, component } = await existingAgreement();
    const typed = {
      id: agreement.id,
      partnerId: partner.id,
      kind: "BILATERAL",
      componentIds: component.id,
      studyLevels: "MASTER",
      firstAcademicYear: "2026",
      lastAcademicYear: "2027",
      incomingSeatsPerYear: "9",
      status: "SIGNED",
      signedOn: "2025-01-10",
      iscedCodes: "0314",
      languageRequirements: "fr:B2",
      ...bad,
    };
    const result = await updateAgreementAction(null, formOf(typed));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]).toMatch(message);
    // The form shows back what was typed: text fields from the echoed values.
    expect(result.values).toMatchObject({ iscedCodes: typed.iscedCodes, incomingSeatsPerYear: "9" });
    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after).toEqual(agreement);
    expect(await db.auditEvent.count({ where: { entityId: agreement.id } })).toBe(0);
  });
});

describe("an agreement's history of changes", () => {
  it("lists its audit events oldest first, each with the facts it changed, to administrators only", async () => {
    const { agreement, partner, component } = await existingAgreement();
    const edit = (fields: Record<string, unknown>) =>
      updateAgreement(
        ZUpdateAgreement.parse({
          id: agreement.id,
          partnerId: partner.id,
          kind: "ERASMUS_PLUS",
          componentIds: component.id,
          studyLevels: ["BACHELOR", "MASTER"],
          firstAcademicYear: 2025,
          lastAcademicYear: 2028,
          incomingSeatsPerYear: 5,
          ...fields,
        }),
        { id: admin.id },
      );
    await edit({ status: "DRAFT", eqfLevels: ["7"] });
    await edit({ status: "DRAFT", eqfLevels: ["7"], signedOn: "2026-01-05", incomingSeatsPerYear: 6 });

    const history = await listEntityHistory(admin, "Agreement", agreement.id);
    expect(history.map((event) => event.action)).toEqual(["agreement.update", "agreement.update"]);
    expect(history.map((event) => event.actor?.name)).toEqual([admin.name, admin.name]);
    const changed = history.map((event) =>
      changedAgreementFields(event.before as Record<string, unknown>, event.after as Record<string, unknown>),
    );
    expect(changed).toEqual([
      ["status", "eqfLevels"],
      ["signedOn", "incomingSeatsPerYear"],
    ]);
    await expect(listEntityHistory({ role: "CORRESPONDENT" }, "Agreement", agreement.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("the signed agreement (PDF, a private document)", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "signed-pdf-"));
  const storage = createLocalStorage(folder);
  const file = (bytes: string, name: string, type = "application/pdf") =>
    new File([new TextEncoder().encode(bytes)], name, { type });

  it.each([
    ["a Word document named .pdf", file("PK\u0003\u0004word/document.xml", "accord.pdf"), "agreementSignedPdfType"],
    ["a text file", file("signed by both parties", "accord.txt", "text/plain"), "agreementSignedPdfType"],
    ["a PNG scan", file("\u0089PNG\r\n\u001a\nscan", "scan.pdf", "image/png"), "agreementSignedPdfType"],
    ["an empty file", file("", "accord.pdf"), "documentEmpty"],
  ])("refuses %s by its content, on the file field, and stores nothing", async (_name, upload, code) => {
    const { agreement } = await existingAgreement();
    const error = await attachSignedPdf(agreement.id, upload, { id: admin.id }, storage).catch((caught) => caught);
    expect(error).toMatchObject({ code, field: "file" });
    expect(await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).toEqual(agreement);
    expect(await db.auditEvent.count({ where: { entityId: agreement.id } })).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("keeps a PDF, audits its name (not its key), replaces it and removes the old object", async () => {
    const { agreement } = await existingAgreement();
    await attachSignedPdf(
      agreement.id,
      file("%PDF-1.7\nfirst\n%%EOF\n", "Accord signé.pdf"),
      { id: admin.id },
      storage,
    );
    const first = await getSignedPdf(admin, agreement.id);
    expect(first?.name).toBe("Accord signé.pdf");
    expect(readdirSync(folder)).toEqual([first!.key]);

    await attachSignedPdf(agreement.id, file("%PDF-1.7\nsecond\n%%EOF\n", "v2.pdf"), { id: admin.id }, storage);
    const second = await getSignedPdf(admin, agreement.id);
    expect(readdirSync(folder)).toEqual([second!.key]);
    const stored = await new Response(await storage.get(second!.key)).text();
    expect(stored).toContain("second");

    const events = await listEntityHistory(admin, "Agreement", agreement.id);
    expect(events.map((event) => [event.action, event.after])).toEqual([
      ["agreement.signedPdf", { signedPdf: "Accord signé.pdf", size: 21 }],
      ["agreement.signedPdf", { signedPdf: "v2.pdf", size: 22 }],
    ]);
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(second!.key);
    await expect(getSignedPdf({ role: "STUDENT" }, agreement.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
