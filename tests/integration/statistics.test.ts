import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getStatistics } from "@/lib/statistics/queries";
import { createComponent, createPartner, createViewer } from "./fixtures";

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
