/**
 * The international mobility grant (issue 19) against a real PostgreSQL: the draft and its bad
 * input, the lifetime cap across applications and under concurrency, the figures per year, the
 * office's decisions and what each side may read.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerStudent } from "@/lib/accounts/service";
import { listAmiDocuments, openAmiDocumentForViewer } from "@/lib/ami/documents/queries";
import { uploadAmiDocument } from "@/lib/ami/documents/service";
import { amiExportColumns, amiExportRow, amiXlsx } from "@/lib/ami/export";
import {
  getAmiApplicationForOffice,
  getMyAmiApplication,
  listAmiPaymentLines,
  listAmiQueue,
  listMyAmiApplications,
  myAmiMonths,
} from "@/lib/ami/queries";
import { type TAmiApplication, ZAmiApplication } from "@/lib/ami/schemas";
import { decideAmiApplication, saveAmiApplication, setAmiYearRate, submitAmiApplication } from "@/lib/ami/service";
import { getStudentDossier } from "@/lib/applications/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { seedAmiRates } from "../../prisma/seed-ami.ts";
import { createViewer } from "./fixtures";
import { strongPassword, uniqueAddress } from "./helpers";

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-ami-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

let admin: Viewer;
const pdf = (name = "award.pdf") =>
  new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], name, { type: "application/pdf" });
const submittedOn = new Date("2024-03-01T10:00:00Z");

/** A form as the student sends it: 6 January → 5 June 2025, 5 months, in time on 1 March 2024. */
function raw(overrides: Record<string, unknown> = {}) {
  return {
    mobilityKind: "STUDIES",
    hostName: "Universität Wien",
    country: "at",
    startDate: "2025-01-06",
    endDate: "2025-06-05",
    partOfCurriculum: "on",
    referentTeacher: "Prof. Martin",
    grantStatus: "SOCIAL_GRANT",
    grantLevel: "4",
    birthDate: "2003-05-10",
    ...overrides,
  };
}

function form(overrides: Record<string, unknown> = {}): TAmiApplication {
  return ZAmiApplication.parse(raw(overrides));
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** The proofs its situation needs (R-AMI-1, R-AMI-3), uploaded as the student would. */
async function withProofs(student: Viewer, id: string) {
  const application = await db.amiApplication.findUniqueOrThrow({ where: { id } });
  if (application.grantStatus !== "NONE") {
    await uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf() }, "t");
  }
  if (application.disability) {
    await uploadAmiDocument(student, { applicationId: id, kind: "DISABILITY_PROOF", file: pdf("proof.pdf") }, "t");
  }
}

async function drafted(student: Viewer, overrides: Record<string, unknown> = {}) {
  const { id } = await saveAmiApplication(student, form(overrides), "t", submittedOn);
  await withProofs(student, id);
  return id;
}

async function submitted(student: Viewer, overrides: Record<string, unknown> = {}) {
  const id = await drafted(student, overrides);
  await submitAmiApplication(student, { id }, "t", submittedOn);
  return id;
}

beforeAll(async () => {
  admin = await createViewer("ADMIN");
  // 2024-2025's figures, as the seed gives them (400 € a month).
  await seedAmiRates(db);
});

describe("the draft and its bad input (R-AMI-1)", () => {
  it("is saved with its months counted, then submitted in time", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await drafted(student);
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "DRAFT", months: 5, country: "AT" });
    expect(await submitAmiApplication(student, { id }, "t", submittedOn)).toEqual({ late: false });
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "SUBMITTED", lateFlag: false });
  });

  it("reversed dates are refused by the schema on the end date", () => {
    const result = ZAmiApplication.safeParse(raw({ startDate: "2025-06-05", endDate: "2025-01-06" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([
      "endDate",
      "amiEndBeforeStart",
    ]);
  });

  it.each([
    ["0 months", "2025-01-06", "2025-01-15", 0, 10],
    ["11 months", "2024-09-01", "2025-07-31", 11, 0],
  ])(
    "a stay of %s is refused on the end date, and nothing is written",
    async (_name, startDate, endDate, months, days) => {
      const student = await createViewer("AMU_STUDENT");
      const error = await refusal(saveAmiApplication(student, form({ startDate, endDate }), "t", submittedOn));
      expect(error).toMatchObject({ code: "amiDuration", field: "endDate", params: { max: 10, months, days } });
      expect(await db.amiApplication.count({ where: { studentId: student.id } })).toBe(0);
    },
  );

  it("a submission less than six months before departure is flagged, not refused (R-AMI-4)", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await drafted(student);
    expect(await submitAmiApplication(student, { id }, "t", new Date("2024-09-01T10:00:00Z"))).toEqual({ late: true });
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "SUBMITTED", lateFlag: true });
  });

  it.each([
    ["no grant", { grantStatus: "NONE", grantLevel: "" }, "amiNotGrantHolder", "grantStatus"],
    ["not in the curriculum", { partOfCurriculum: undefined }, "amiNotInCurriculum", "partOfCurriculum"],
    // R-AMI-3: the 28th birthday on the start date is the limit.
    ["28 on the start date", { birthDate: "1997-01-06" }, "amiAge", "birthDate"],
  ])("an ineligible student (%s) keeps the draft; the submission says why", async (_name, overrides, code, field) => {
    const student = await createViewer("AMU_STUDENT");
    const id = await drafted(student, overrides);
    const error = await refusal(submitAmiApplication(student, { id }, "t", submittedOn));
    expect(error).toMatchObject({ code, field });
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "DRAFT" });
  });

  it("27 the day before the start date, or 45 with a disability: eligible", async () => {
    const student = await createViewer("AMU_STUDENT");
    await submitted(student, { birthDate: "1997-01-07" });
    const other = await createViewer("AMU_STUDENT");
    await submitted(other, { birthDate: "1980-01-01", disability: "on" });
  });

  it("an unverified address cannot submit", async () => {
    const student = await createViewer("AMU_STUDENT", [], false);
    const id = await drafted(student);
    expect(await refusal(submitAmiApplication(student, { id }, "t", submittedOn))).toMatchObject({
      code: "amiEmailNotVerified",
    });
  });
});

describe("the 10-month lifetime cap across applications (R-AMI-1)", () => {
  it("a second application overlapping the first is refused on the start date", async () => {
    const student = await createViewer("AMU_STUDENT");
    await submitted(student);
    const error = await refusal(
      saveAmiApplication(student, form({ startDate: "2025-05-01", endDate: "2025-08-31" }), "t", submittedOn),
    );
    expect(error).toMatchObject({ code: "amiOverlap", field: "startDate" });
  });

  it("5 + 5 months reach the cap exactly; one more month crosses it and says how many are left", async () => {
    const student = await createViewer("AMU_STUDENT");
    await submitted(student); // 5 months, Jan–Jun 2025
    await submitted(student, { startDate: "2025-09-01", endDate: "2026-01-31" }); // 5 months
    expect(await myAmiMonths(student, new Date("2025-02-01"))).toMatchObject({ pending: 10, cap: 10, left: 0 });
    const error = await refusal(
      saveAmiApplication(student, form({ startDate: "2026-03-01", endDate: "2026-03-31" }), "t", submittedOn),
    );
    expect(error).toMatchObject({ code: "amiCap", field: "endDate", params: { months: 1, left: 0, cap: 10 } });
  });

  it("6 months used: a 5-month stay is refused with 4 months left", async () => {
    const student = await createViewer("AMU_STUDENT");
    await submitted(student, { startDate: "2024-09-01", endDate: "2025-02-28" }); // 6 months
    const error = await refusal(
      saveAmiApplication(student, form({ startDate: "2025-09-01", endDate: "2026-01-31" }), "t", submittedOn),
    );
    expect(error).toMatchObject({ code: "amiCap", params: { months: 5, left: 4, cap: 10 } });
  });

  it("a refused application gives its months back", async () => {
    const student = await createViewer("AMU_STUDENT");
    const first = await submitted(student, { startDate: "2024-09-01", endDate: "2025-06-30" }); // 10 months
    await decideAmiApplication(admin, { id: first, decision: "REFUSED", reason: "Not in the curriculum" }, "t");
    await submitted(student, { startDate: "2025-09-01", endDate: "2026-01-31" });
  });

  it("two submissions at once cannot together exceed 10 months: exactly one wins", async () => {
    const student = await createViewer("AMU_STUDENT");
    // Two drafts of 6 months each, each within the cap on its own.
    const first = await drafted(student, { startDate: "2024-09-01", endDate: "2025-02-28" });
    const second = await drafted(student, { startDate: "2025-09-01", endDate: "2026-02-28" });
    const results = await Promise.allSettled([
      submitAmiApplication(student, { id: first }, "t", submittedOn),
      submitAmiApplication(student, { id: second }, "t", submittedOn),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "amiCap", params: { months: 6, left: 4 } });
    const counted = await db.amiApplication.aggregate({
      where: { studentId: student.id, status: "SUBMITTED" },
      _sum: { months: true },
    });
    expect(counted._sum.months).toBe(6);
  });
});

describe("the figures per academic year and the office's decisions (R-AMI-2)", () => {
  it("2024-2025 is seeded at 400 € a month: 5 months granted at 2,000 €, one line a month", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student);
    const office = await getAmiApplicationForOffice(admin, id);
    expect(office?.assessment.amount).toMatchObject({ ok: true, monthlyRateCents: 40_000, totalCents: 200_000 });
    const mail = await decideAmiApplication(admin, { id, decision: "GRANTED", reason: null }, "t");
    expect(mail).toMatchObject({ to: student.email, locale: "en", amountCents: 200_000, months: 5 });
    const mine = await getMyAmiApplication(student, id);
    expect(mine).toMatchObject({ status: "GRANTED", grantedAmountCents: 200_000, computedAmountCents: 200_000 });
    expect(mine?.schedule.map((line) => line.amountCents)).toEqual([40_000, 40_000, 40_000, 40_000, 40_000]);
    expect(mine?.schedule[0]?.month.toISOString().slice(0, 10)).toBe("2025-01-01");
  });

  it("a year without figures: nothing is computed and nothing is granted until the office sets them", async () => {
    const year = 2071;
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student, {
      startDate: `${year}-10-01`,
      endDate: `${year + 1}-01-31`,
      birthDate: `${year - 20}-01-01`,
    });
    const office = await getAmiApplicationForOffice(admin, id);
    expect(office?.assessment.amount).toEqual({ ok: false, academicYear: year, missing: "rate" });
    expect(await refusal(decideAmiApplication(admin, { id, decision: "GRANTED", reason: null }, "t"))).toMatchObject({
      code: "amiRateMissing",
      params: { year: `${year}-${year + 1}` },
    });
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "SUBMITTED" });

    await setAmiYearRate(
      admin,
      {
        academicYear: year,
        monthlyRate: 41_000,
        lifetimeCapMonths: 10,
        grantLevelSupplement: null,
        disabilitySupplement: null,
        ruralAreaSupplement: null,
        priorityUrbanAreaSupplement: null,
      },
      "t",
    );
    const mail = await decideAmiApplication(admin, { id, decision: "GRANTED", reason: null }, "t");
    expect(mail.amountCents).toBe(4 * 41_000);
  });

  it("supplements set for a year are added once each; one not set stops the computation", async () => {
    const year = 2072;
    await setAmiYearRate(
      admin,
      {
        academicYear: year,
        monthlyRate: 40_000,
        lifetimeCapMonths: 10,
        grantLevelSupplement: 10_000,
        disabilitySupplement: 20_000,
        ruralAreaSupplement: null,
        priorityUrbanAreaSupplement: 7_500,
      },
      "t",
    );
    const stay = { startDate: `${year}-10-01`, endDate: `${year + 1}-01-31`, birthDate: `${year - 20}-01-01` }; // 4 months
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student, { ...stay, grantLevel: "7", disability: "on", priorityUrbanArea: "on" });
    expect((await getAmiApplicationForOffice(admin, id))?.assessment.amount).toMatchObject({
      ok: true,
      totalCents: 4 * 40_000 + 10_000 + 20_000 + 7_500,
    });
    const rural = await createViewer("AMU_STUDENT");
    const ruralId = await submitted(rural, { ...stay, ruralArea: "on" });
    expect((await getAmiApplicationForOffice(admin, ruralId))?.assessment.amount).toEqual({
      ok: false,
      academicYear: year,
      missing: "ruralArea",
    });
  });

  it("an adjusted amount needs a reason; refusals and requests for changes too", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student);
    expect(
      await refusal(decideAmiApplication(admin, { id, decision: "GRANTED", amount: 150_000, reason: null }, "t")),
    ).toMatchObject({ code: "amiAdjustmentReason", field: "reason" });
    await decideAmiApplication(
      admin,
      { id, decision: "GRANTED", amount: 150_000, reason: "Stay shortened by the host" },
      "t",
    );
    const mine = await getMyAmiApplication(student, id);
    expect(mine).toMatchObject({ grantedAmountCents: 150_000, computedAmountCents: 200_000 });
    expect(mine?.schedule.reduce((sum, line) => sum + line.amountCents, 0)).toBe(150_000);
    // Decided once: a second decision finds it in another state.
    expect(await refusal(decideAmiApplication(admin, { id, decision: "REFUSED", reason: "x" }, "t"))).toMatchObject({
      code: "conflict",
    });
  });

  it("changes requested: the student may edit and submit again", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student);
    await decideAmiApplication(admin, { id, decision: "CHANGES_REQUESTED", reason: "Add the referent's e-mail" }, "t");
    await saveAmiApplication(
      student,
      { ...form({ referentTeacher: "Prof. Martin (martin@example.org)" }), id },
      "t",
      submittedOn,
    );
    await submitAmiApplication(student, { id }, "t", submittedOn);
    expect(await getMyAmiApplication(student, id)).toMatchObject({ status: "SUBMITTED" });
  });

  it("Erasmus+ as well is recorded and does not block (R-AMI-4)", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student, { erasmusPlus: "on" });
    await decideAmiApplication(admin, { id, decision: "GRANTED", reason: null }, "t");
    const lines = (await listAmiPaymentLines(admin)).filter((line) => line.applicationId === id);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line.erasmusPlus)).toBe(true);
  });
});

describe("the proofs, stored like any document", () => {
  it("the award letter is needed to submit; the disability proof too when one is declared", async () => {
    const student = await createViewer("AMU_STUDENT");
    const { id } = await saveAmiApplication(student, form({ disability: "on" }), "t", submittedOn);
    expect(await refusal(submitAmiApplication(student, { id }, "t", submittedOn))).toMatchObject({
      code: "amiAwardLetterMissing",
    });
    await uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf() }, "t");
    expect(await refusal(submitAmiApplication(student, { id }, "t", submittedOn))).toMatchObject({
      code: "amiDisabilityProofMissing",
    });
    await uploadAmiDocument(student, { applicationId: id, kind: "DISABILITY_PROOF", file: pdf("proof.pdf") }, "t");
    await submitAmiApplication(student, { id }, "t", submittedOn);
  });

  it("a file that is not a PDF or an image is refused; a new upload replaces the old one", async () => {
    const student = await createViewer("AMU_STUDENT");
    const { id } = await saveAmiApplication(student, form(), "t", submittedOn);
    const text = new File(["just text"], "letter.txt", { type: "application/pdf" });
    expect(
      await refusal(uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: text }, "t")),
    ).toMatchObject({ code: "documentTypeRefused", field: "file" });
    await uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf("first.pdf") }, "t");
    await uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf("second.pdf") }, "t");
    expect((await listAmiDocuments(student, id)).map((document) => document.originalName)).toEqual(["second.pdf"]);
  });

  it("the student and the office read it; another student, an incoming student or a draft's office reader do not", async () => {
    const student = await createViewer("AMU_STUDENT");
    const { id } = await saveAmiApplication(student, form(), "t", submittedOn);
    const document = await uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf() }, "t");
    expect((await openAmiDocumentForViewer(student, document.id)).fileName).toBe("award.pdf");
    // A draft is the student's alone.
    await expect(openAmiDocumentForViewer(admin, document.id)).rejects.toMatchObject({ code: "notFound" });
    await submitAmiApplication(student, { id }, "t", submittedOn);
    expect((await openAmiDocumentForViewer(admin, document.id)).size).toBe(15);
    for (const other of [await createViewer("AMU_STUDENT"), await createViewer("STUDENT")]) {
      await expect(openAmiDocumentForViewer(other, document.id)).rejects.toMatchObject({ code: "notFound" });
    }
    // Submitted: the proofs can no longer be changed.
    expect(
      await refusal(uploadAmiDocument(student, { applicationId: id, kind: "AWARD_LETTER", file: pdf() }, "t")),
    ).toMatchObject({ code: "amiNotEditable" });
  });
});

describe("the finance export", () => {
  it("is a real .xlsx whose amounts are numbers, one row a month", async () => {
    const student = await createViewer("AMU_STUDENT");
    const id = await submitted(student, { hostName: '=HYPERLINK("x")' });
    await decideAmiApplication(admin, { id, decision: "GRANTED", reason: null }, "t");
    const lines = (await listAmiPaymentLines(admin)).filter((line) => line.applicationId === id);
    const buffer = await amiXlsx(
      "AMI",
      amiExportColumns.map(String),
      lines.map((line) => amiExportRow(line, "yes", "no")),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("AMI")!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(12).value).toBe(400);
    // A student's text stays text: no formula in the finance office's workbook.
    expect(sheet.getRow(2).getCell(3).value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(2).getCell(3).formula).toBeUndefined();
  });
});

describe("scope: each side reads only its own", () => {
  it("an AMU student sees none of another's applications, and no incoming dossier", async () => {
    const owner = await createViewer("AMU_STUDENT");
    const id = await submitted(owner);
    const other = await createViewer("AMU_STUDENT");
    expect(await getMyAmiApplication(other, id)).toBeNull();
    expect(await listMyAmiApplications(other)).toEqual([]);
    expect(await refusal(submitAmiApplication(other, { id }, "t", submittedOn))).toMatchObject({ code: "notFound" });
    expect(await getStudentDossier(other)).toBeNull();
  });

  it("an incoming student sees no AMI application; the office's reads need the admin", async () => {
    const owner = await createViewer("AMU_STUDENT");
    const id = await submitted(owner);
    const incoming = await createViewer("STUDENT");
    expect(await getMyAmiApplication(incoming, id)).toBeNull();
    await expect(listAmiQueue(incoming, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAmiApplicationForOffice(owner, id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("drafts stay out of the office's queue", async () => {
    const student = await createViewer("AMU_STUDENT");
    const { id } = await saveAmiApplication(student, form(), "t", submittedOn);
    expect(await getAmiApplicationForOffice(admin, id)).toBeNull();
  });
});

describe("registration of AMU students", () => {
  it("needs a university address, then makes an AMU student", async () => {
    const input = { name: "Alix Dupont", password: strongPassword, passwordConfirmation: strongPassword };
    const wrong = await refusal(
      registerStudent({ ...input, email: "alix@gmail.com" }, "fr", uniqueAddress(), "AMU_STUDENT"),
    );
    expect(wrong).toMatchObject({ code: "amiUniversityEmail", field: "email" });
    const lookalike = await refusal(
      registerStudent({ ...input, email: "alix@evil.etu.univ-amu.fr" }, "fr", uniqueAddress(), "AMU_STUDENT"),
    );
    expect(lookalike.code).toBe("amiUniversityEmail");
    const email = `alix.${Date.now()}@etu.univ-amu.fr`;
    const mails = await registerStudent({ ...input, email }, "fr", uniqueAddress(), "AMU_STUDENT");
    expect(mails.map((mail) => mail.template)).toEqual(["verifyEmail"]);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { role: true } })).toEqual({
      role: "AMU_STUDENT",
    });
  });
});
