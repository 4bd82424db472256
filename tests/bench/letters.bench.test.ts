/**
 * Issuing a letter (issue 15): render the PDF (fonts embedded and subset, QR code), hash it,
 * store it and record it in a transaction. Target: p95 ≤ 300 ms on this machine, for a name
 * in Latin script and for one with Chinese characters (the largest font).
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueLetterInTx } from "@/lib/letters/issue";
import { createComponent, createPartner, createProgramme, createViewer, thisYear } from "../integration/fixtures";
import { measure, report } from "./measure";

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-letters-bench-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const dossiers: Record<"latin" | "chinese", string> = { latin: "", chinese: "" };

beforeAll(async () => {
  const component = await createComponent();
  const partner = await createPartner([{ componentIds: [component.id] }]);
  const programme = await createProgramme(component.id);
  const names = { latin: ["Zoë", "Dvořák-Ñúñez"], chinese: ["小明", "王"] } as const;
  for (const script of ["latin", "chinese"] as const) {
    const student = await createViewer("STUDENT");
    dossiers[script] = (
      await db.application.create({
        data: {
          studentId: student.id,
          status: "ACCEPTED",
          firstName: names[script][0],
          lastName: names[script][1],
          dateOfBirth: new Date("2003-04-05"),
          nationality: "CN",
          partnerId: partner.id,
          componentId: component.id,
          programmeId: programme.id,
          academicYear: thisYear,
          period: "FULL_YEAR",
          submittedAt: new Date(),
          decidedAt: new Date(),
        },
        select: { id: true },
      })
    ).id;
  }
});

describe("issuing a letter", () => {
  it("renders, hashes, stores and records a letter within p95 300 ms", async () => {
    const rows = [];
    for (const script of ["latin", "chinese"] as const) {
      rows.push(
        await measure(`acceptance letter, ${script} name`, () =>
          db.$transaction((tx) =>
            issueLetterInTx(tx, {
              applicationId: dossiers[script],
              kind: "ACCEPTANCE",
              locale: "en",
              actorId: null,
              requestId: "bench",
            }),
          ),
        ),
      );
    }
    report("Letters (issue 15)", rows);
    for (const row of rows) expect(row.p95, row.name).toBeLessThanOrEqual(300);
  });
});
