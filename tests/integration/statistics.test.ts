import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { getStatistics } from "@/lib/statistics/queries";
import { createCall, createComponent, createPartner, createViewer } from "./fixtures";

/** The statistics count what the lists show: the viewer's scope, one academic year (issue 14). */
const year = 2940;
let correspondent: Viewer;
let admin: Viewer;

beforeAll(async () => {
  const mine = await createComponent();
  const theirs = await createComponent();
  const partner = await createPartner([{ componentIds: [mine.id], seats: 4, years: [year, year] }]);
  correspondent = await createViewer("CORRESPONDENT", [mine.id]);
  admin = await createViewer("ADMIN");
  const dossier = async (componentId: string, status: "SUBMITTED" | "ACCEPTED" | "REJECTED" | "DRAFT") => {
    const student = await createViewer("STUDENT");
    await db.application.create({
      data: { studentId: student.id, componentId, partnerId: partner.id, academicYear: year, status },
    });
  };
  for (const status of ["ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED", "SUBMITTED", "DRAFT"] as const) {
    await dossier(mine.id, status);
  }
  await dossier(theirs.id, "REJECTED");
});

describe("statistics", () => {
  it("count the correspondent's components only, never drafts", async () => {
    const stats = await getStatistics(correspondent, year);
    expect(stats.total).toBe(5);
    expect(stats.byStatus).toEqual({ ACCEPTED: 3, REJECTED: 1, SUBMITTED: 1 });
    expect(stats.acceptanceRate).toBe(75);
    expect(stats.byCountry).toEqual([{ country: "DE", count: 5 }]);
    // R-ELI-6: the seats of the agreement, and those taken (accepted and pending dossiers).
    expect(stats.seats).toEqual([{ name: expect.any(String), seats: 4, used: 4 }]);
  });

  it("count every component for an admin", async () => {
    const stats = await getStatistics(admin, year);
    expect(stats.total).toBeGreaterThanOrEqual(6);
    expect(stats.byStatus.REJECTED).toBeGreaterThanOrEqual(2);
    expect(stats.acceptanceRate).toBe(60);
  });

  it("count nothing for a correspondent without components", async () => {
    const stats = await getStatistics(await createViewer("CORRESPONDENT", []), year);
    expect(stats.total).toBe(0);
    expect(stats.acceptanceRate).toBeNull();
  });
});

describe("dossiers per call (R-ELI-8), counted in SQL inside the viewer's scope", () => {
  // A year of its own, so the counts above are not disturbed.
  const callYear = 2941;
  let mine: Viewer;
  let autumn: string;
  let spring: string;

  beforeAll(async () => {
    const [own, other] = [await createComponent(), await createComponent()];
    mine = await createViewer("CORRESPONDENT", [own.id]);
    autumn = (await createCall(callYear, "S1")).id;
    spring = (await createCall(callYear, "S2")).id;
    // The spring call opens later: the rows follow the calls' opening.
    await db.applicationCall.update({ where: { id: spring }, data: { opensAt: new Date() } });
    const dossier = async (componentId: string, callId: string | null, status: ApplicationStatus) => {
      const student = await createViewer("STUDENT");
      await db.application.create({
        data: { studentId: student.id, componentId, callId, academicYear: callYear, status },
      });
    };
    for (const status of ["ACCEPTED", "ACCEPTED", "REJECTED", "SUBMITTED", "DRAFT"] as const) {
      await dossier(own.id, autumn, status);
    }
    await dossier(own.id, spring, "UNDER_REVIEW");
    await dossier(own.id, null, "ACCEPTED");
    // Another faculty's dossiers in the same calls: an admin counts them, the correspondent never.
    await dossier(other.id, autumn, "REJECTED");
    await dossier(other.id, spring, "ACCEPTED");
  });

  const counts = (rows: Awaited<ReturnType<typeof getStatistics>>["byCall"]) =>
    rows.map((row) => [row.call?.id ?? null, row.count, row.accepted, row.rejected, row.acceptanceRate]);

  it("a correspondent: their faculty's dossiers per call, never a draft, with each call's acceptance rate", async () => {
    const stats = await getStatistics(mine, callYear);
    expect(counts(stats.byCall)).toEqual([
      [autumn, 4, 2, 1, 67],
      [spring, 1, 0, 0, null],
      [null, 1, 1, 0, 100],
    ]);
    expect(stats.byCall[0]?.call).toMatchObject({ period: "S1" });
  });

  it("an admin: every faculty's", async () => {
    const stats = await getStatistics(admin, callYear);
    expect(counts(stats.byCall)).toEqual([
      [autumn, 5, 2, 2, 50],
      [spring, 2, 1, 0, 100],
      [null, 1, 1, 0, 100],
    ]);
  });
});
