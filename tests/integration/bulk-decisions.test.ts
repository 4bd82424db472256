import { beforeAll, describe, expect, it, vi } from "vitest";
import { selectMatchingDossiers } from "@/lib/applications/bulk/queries";
import { decideInBulk } from "@/lib/applications/bulk/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createComponent, createViewer, thisYear } from "./fixtures";

/**
 * Bulk work in the queue (issue 14): each dossier through the single decision's guard, a
 * concurrent change reported and not overwritten, forged ids refusing the whole chunk.
 */
const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);

let correspondent: Viewer;
let componentId: string;
let otherComponentId: string;
const tag = Math.random().toString(36).slice(2, 8);
const line = (_locale: string, kinds: readonly string[]) => `Again: ${kinds.join(", ")}`;

async function dossier(status: "SUBMITTED" | "UNDER_REVIEW" | "ACCEPTED", component = componentId) {
  const student = await createViewer("STUDENT");
  return db.application.create({
    data: {
      studentId: student.id,
      componentId: component,
      academicYear: thisYear,
      status,
      firstName: `Bulk${tag}`,
      lastName: "Student",
      lastSubmittedAt: new Date(),
      searchText: `bulk${tag} student`,
    },
    select: { id: true, status: true },
  });
}
const statusOf = async (id: string) => (await db.application.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  componentId = (await createComponent()).id;
  otherComponentId = (await createComponent()).id;
  correspondent = await createViewer("CORRESPONDENT", [componentId]);
});

describe("bulk decisions", () => {
  it("starts the review of each dossier, audited one by one; an accepted one is not concerned", async () => {
    const [a, b, accepted] = [await dossier("SUBMITTED"), await dossier("SUBMITTED"), await dossier("ACCEPTED")];
    const results = await decideInBulk(
      correspondent,
      { decision: "startReview", items: [a, b, accepted], documents: [], message: "" },
      "req-bulk",
      line,
    );
    expect(results.map((result) => result.outcome)).toEqual(["done", "done", "notApplicable"]);
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(accepted.id)]).toEqual([
      "UNDER_REVIEW",
      "UNDER_REVIEW",
      "ACCEPTED",
    ]);
    expect(
      await db.auditEvent.count({ where: { action: "application.startReview", entityId: { in: [a.id, b.id] } } }),
    ).toBe(2);
  });

  it("reports a dossier changed meanwhile and leaves it as the other reviewer left it", async () => {
    const [a, b] = [await dossier("SUBMITTED"), await dossier("SUBMITTED")];
    // Another reviewer requests changes on b after this page was shown.
    await db.application.update({ where: { id: b.id }, data: { status: "CHANGES_REQUESTED" } });
    const results = await decideInBulk(
      correspondent,
      { decision: "startReview", items: [a, b], documents: [], message: "" },
      "req-bulk",
      line,
    );
    expect(results.map((result) => result.outcome)).toEqual(["done", "changed"]);
    expect(await statusOf(b.id)).toBe("CHANGES_REQUESTED");
  });

  it("refuses the whole chunk when one id is outside the viewer's scope: none changed", async () => {
    const [mine, theirs] = [await dossier("SUBMITTED"), await dossier("SUBMITTED", otherComponentId)];
    await expect(
      decideInBulk(
        correspondent,
        { decision: "startReview", items: [mine, theirs], documents: [], message: "" },
        "req-bulk",
        line,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect([await statusOf(mine.id), await statusOf(theirs.id)]).toEqual(["SUBMITTED", "SUBMITTED"]);
  });

  it("requests the same documents from each student, with the message", async () => {
    const [a, b] = [await dossier("UNDER_REVIEW"), await dossier("SUBMITTED")];
    await decideInBulk(
      correspondent,
      {
        decision: "requestChanges",
        items: [a, b],
        documents: ["PASSPORT", "PHOTO"],
        message: "Readable scans, please.",
      },
      "req-bulk",
      line,
    );
    const notes = await db.applicationNote.findMany({ where: { applicationId: { in: [a.id, b.id] } } });
    expect(notes.map((note) => note.body)).toEqual([
      "Again: PASSPORT, PHOTO\n\nReadable scans, please.",
      "Again: PASSPORT, PHOTO\n\nReadable scans, please.",
    ]);
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(["CHANGES_REQUESTED", "CHANGES_REQUESTED"]);
  });

  it("the action refuses a change request that says nothing, changing nothing", async () => {
    const { decideInBulkAction } = await import("@/lib/applications/bulk/actions");
    const a = await dossier("SUBMITTED");
    principal.viewer = correspondent;
    const result = await decideInBulkAction({ decision: "requestChanges", items: [a], documents: [], message: " " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await statusOf(a.id)).toBe("SUBMITTED");
  });

  it("selects all dossiers matching the filters, inside the scope, with their statuses", async () => {
    await dossier("SUBMITTED", otherComponentId);
    const { items, tooMany } = await selectMatchingDossiers(correspondent, { q: `bulk${tag}`, status: "SUBMITTED" });
    expect(tooMany).toBe(false);
    expect(items.length).toBeGreaterThan(0);
    const rows = await db.application.findMany({ where: { id: { in: items.map((item) => item.id) } } });
    expect(rows.every((row) => row.componentId === componentId && row.status === "SUBMITTED")).toBe(true);
  });
});
