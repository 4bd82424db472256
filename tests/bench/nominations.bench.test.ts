/**
 * Importing a partner season's nominations (issue 13): 2,000 CSV rows previewed, then confirmed
 * (2,000 accounts, nominations and pre-filled drafts in one transaction). Target: ≤ 10 s for the
 * confirmation; the preview is reported too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmNominations, previewNominations } from "@/lib/nominations/service";
import { createCall, createComponent, createPartner, createViewer, thisYear } from "../integration/fixtures";
import { report } from "./measure";

const rows = 2_000;
let csv = "";
let adminId = "";

beforeAll(async () => {
  const component = await createComponent();
  const partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"] }]);
  adminId = (await createViewer("ADMIN")).id;
  await createCall(thisYear + 1, "S1");
  const header = "partner,student_name,email,component,level,period,academic_year,home_coordinator,language";
  const lines = Array.from(
    { length: rows },
    (_, index) =>
      `${partner.name},Student ${index} Bench,bench-${index}-${Date.now()}@example.org,${component.code},master,S1,${thisYear + 1},Dr. Weber,${index % 2 ? "fr" : "en"}`,
  );
  csv = [header, ...lines].join("\n");
});

describe("importing 2,000 nominations from a CSV file", () => {
  it("previews, then confirms within 10 s", async () => {
    let started = performance.now();
    const preview = await previewNominations(csv);
    const previewMs = performance.now() - started;
    expect(preview.ok && preview.rows.length).toBe(rows);

    started = performance.now();
    const { count, drafts, mails } = await confirmNominations(csv, { id: adminId });
    const confirmMs = performance.now() - started;
    expect([count, drafts, mails.length]).toEqual([rows, rows, rows]);
    expect(await db.nomination.count({ where: { email: { startsWith: "bench-" } } })).toBe(rows);

    const once = (name: string, ms: number) => ({
      name,
      p50: Math.round(ms),
      p95: Math.round(ms),
      max: Math.round(ms),
    });
    report("Nominations import (2,000 rows)", [
      once("preview (read, check every row)", previewMs),
      once("confirm (all written)", confirmMs),
    ]);
    expect(confirmMs).toBeLessThan(10_000);
  });
});
