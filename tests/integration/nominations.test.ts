/**
 * R-ELI-2: nominations imported from a partner's CSV against a real database: the preview writes
 * nothing, confirming writes every row or none, one account per address (an existing one is
 * reused), a pre-filled draft in the open call, invitation mails in the student's language.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { confirmNominations, previewNominations } from "@/lib/nominations/service";
import { createCall, createComponent, createPartner, createViewer, thisYear } from "./fixtures";

let admin: Viewer;
let partner: { name: string; id: string };
let component: { id: string; code: string };
const year = thisYear + 1;

beforeAll(async () => {
  admin = await createViewer("ADMIN");
  component = await createComponent();
  partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"] }]);
  await createCall(year, "S2");
});

const header = "partner,student_name,email,component,level,period,academic_year,home_coordinator,language";
const email = () => `nominee-${randomBytes(4).toString("hex")}@example.org`;
const line = (address: string, overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    partner: partner.name,
    student_name: "Ada Lovelace",
    email: address,
    component: component.code,
    level: "master",
    period: "S2",
    academic_year: `${year}-${year + 1}`,
    home_coordinator: "Dr. Weber",
    language: "fr",
    ...overrides,
  };
  return Object.values(cells).join(",");
};
const csv = (...lines: string[]) => [header, ...lines].join("\n");

describe("R-ELI-2: the preview reads every row and writes nothing", () => {
  it("names each row's errors by line and column", async () => {
    const duplicated = email();
    const result = await previewNominations(
      csv(
        line(email()),
        line(email(), { partner: "Nowhere University" }),
        line(email(), { component: "NOPE" }),
        line("not-an-email"),
        line(duplicated),
        line(duplicated),
        line(email(), { level: "kindergarten", period: "S3", academic_year: "1999" }),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.errors).toEqual([
      { row: 3, column: "partner", problem: "partnerUnknown" },
      { row: 4, column: "component", problem: "componentUnknown" },
      { row: 5, column: "email", problem: "emailInvalid" },
      { row: 7, column: "email", problem: "duplicateInFile" },
      { row: 8, column: "level", problem: "levelInvalid" },
      { row: 8, column: "period", problem: "periodInvalid" },
      { row: 8, column: "academic_year", problem: "yearInvalid" },
    ]);
    expect(await db.nomination.count({ where: { partnerId: partner.id } })).toBe(0);
  });

  it("refuses a file with a missing column as a whole", async () => {
    expect(await previewNominations("partner,email\nX,a@b.org")).toMatchObject({
      ok: false,
      problem: "missingColumns",
    });
  });
});

describe("R-ELI-2: confirming is all or nothing", () => {
  it("writes nothing when one row is wrong", async () => {
    const good = email();
    await expect(
      confirmNominations(csv(line(good), line(email(), { component: "NOPE" })), { id: admin.id }),
    ).rejects.toMatchObject({ code: "nominationImportInvalid" });
    expect(await db.user.count({ where: { email: good } })).toBe(0);
    expect(await db.nomination.count({ where: { email: good } })).toBe(0);
  });

  it("creates one account per address, reuses an existing one, and starts pre-filled drafts", async () => {
    const fresh = email();
    const existing = await createViewer("STUDENT");
    const { count, drafts, mails } = await confirmNominations(
      csv(line(fresh), line(fresh, { period: "S1" }), line(existing.email, { language: "en" })),
      { id: admin.id, requestId: "import" },
    );
    expect(count).toBe(3);
    expect(await db.user.count({ where: { email: fresh } })).toBe(1);
    const student = await db.user.findUniqueOrThrow({ where: { email: fresh } });
    expect(student).toMatchObject({ role: "STUDENT", locale: "fr", name: "Ada Lovelace", emailVerifiedAt: null });

    // S2 has an open call: a draft, pre-filled and linked; S1 of that year has none.
    const draft = await db.application.findFirstOrThrow({ where: { studentId: student.id }, include: { call: true } });
    expect(draft).toMatchObject({
      status: "DRAFT",
      firstName: "Ada",
      lastName: "Lovelace",
      partnerId: partner.id,
      componentId: component.id,
      studyLevel: "MASTER",
      academicYear: year,
      period: "S2",
      homeCoordinatorName: "Dr. Weber",
      nominatedBy: partner.name,
    });
    expect(draft.call).toMatchObject({ academicYear: year, period: "S2" });
    expect(draft.nominationId).not.toBeNull();
    expect(drafts).toBe(2);

    // The new account gets an invitation (a link to choose a password), in French; the existing one a notice.
    expect(mails.map((mail) => [mail.to, mail.template, mail.locale])).toEqual(
      expect.arrayContaining([
        [fresh, "nominationInvitation", "fr"],
        [existing.email, "nominationNotice", "en"],
      ]),
    );
    expect(mails.find((mail) => mail.to === fresh)?.values.link).toMatch(/\/fr\/reset-password\?token=/);
    const [event] = await db.auditEvent.findMany({ where: { action: "nomination.import", requestId: "import" } });
    expect(event?.after).toMatchObject({ count: 3, source: "CSV" });

    // The same file again: every row is now a duplicate of a recorded nomination.
    const again = await previewNominations(csv(line(fresh)));
    expect(again.ok && again.errors).toEqual([{ row: 2, column: "email", problem: "alreadyNominated" }]);
  });

  it("two imports naming the same student at once make one account", async () => {
    const shared = email();
    const results = await Promise.allSettled([
      confirmNominations(csv(line(shared)), { id: admin.id }),
      confirmNominations(csv(line(shared, { period: "FULL_YEAR" })), { id: admin.id }),
    ]);
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    expect(await db.user.count({ where: { email: shared } })).toBe(1);
    expect(await db.nomination.count({ where: { email: shared } })).toBe(2);
  });
});
