/**
 * Letters against a real PostgreSQL and a real (temporary) storage folder: the acceptance
 * letter issued once with the acceptance, a reissue as a new version, the stored hash equal to
 * the file's, the download scoped to the dossier, and the public verification page's answers.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideOnApplication } from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { documentStorage } from "@/lib/documents/storage";
import { DomainError, NotFoundError } from "@/lib/errors";
import { renderLetterPreview } from "@/lib/letters/preview";
import { listLettersForViewer, listLetterTemplates, openLetterForViewer } from "@/lib/letters/queries";
import { signatureImageMaxBytes, verifyThrottle } from "@/lib/letters/rules";
import { ZLetterhead, ZLetterTemplate } from "@/lib/letters/schemas";
import {
  issueCertificate,
  reissueAcceptanceLetter,
  requestCertificate,
  updateLetterhead,
  updateLetterTemplate,
  uploadSignatureImage,
} from "@/lib/letters/service";
import { verifyLetterCode } from "@/lib/letters/verify";
import { extractPdfText } from "../support/pdf-text";
import { createComponent, createPartner, createProgramme, createViewer, thisYear } from "./fixtures";
import { uniqueAddress } from "./helpers";

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-letters-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

let component: { id: string };
let otherComponent: { id: string };
let partner: { id: string; name: string };
let programme: { id: string; nameEn: string };
let correspondent: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  partner = await createPartner([{ componentIds: [component.id] }]);
  programme = await createProgramme(component.id);
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  outsider = await createViewer("CORRESPONDENT", [otherComponent.id]);
});

/** A submitted dossier of a new student, whose account speaks `locale`. */
async function submittedDossier(locale: "fr" | "en" = "en", name = { firstName: "Zoë", lastName: "Dvořák 王小明" }) {
  const student = await createViewer("STUDENT");
  await db.user.update({ where: { id: student.id }, data: { locale } });
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "SUBMITTED",
      ...name,
      dateOfBirth: new Date("2003-04-05"),
      nationality: "CN",
      partnerId: partner.id,
      componentId: component.id,
      programmeId: programme.id,
      academicYear: thisYear,
      period: "S1",
      plannedCourses: [{ title: "Optics", ects: 6, semester: "S1" }],
      submittedAt: new Date(),
      lastSubmittedAt: new Date(),
    },
    select: { id: true },
  });
  return { student, applicationId: application.id };
}

const accept = (applicationId: string) =>
  decideOnApplication(
    correspondent,
    { applicationId, expectedStatus: "SUBMITTED", decision: "accept", message: null },
    "r",
  );

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const storedFiles = () => readdirSync(uploadDir).length;

describe("the acceptance letter", () => {
  it("is issued once, with the acceptance, in the student's language; its stored hash is the file's", async () => {
    const { student, applicationId } = await submittedDossier("fr");
    const outcome = await accept(applicationId);
    expect(outcome.letter).not.toBeNull();

    const letters = await db.letter.findMany({ where: { applicationId } });
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter).toMatchObject({
      kind: "ACCEPTANCE",
      locale: "fr",
      version: 1,
      replacedAt: null,
      studentName: "Zoë Dvořák 王小明",
    });
    expect(letter!.periodStart!.toISOString().slice(0, 10)).toBe(`${thisYear}-09-01`);

    const file = await openLetterForViewer(student, letter!.id);
    const bytes = await bytesOf(await documentStorage().get(file.storageKey));
    expect(sha256(bytes)).toBe(letter!.sha256);
    expect(bytes.length).toBe(letter!.size);
    expect(bytes.equals(outcome.letter!.bytes)).toBe(true);
    expect(file.fileName).toBe("lettre-admission-v1.pdf");

    const text = extractPdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("Zoë Dvořák");
    expect(text).toContain("王小明");
    expect(text).toContain(`1 septembre ${thisYear}`);
    expect(text).toContain(letter!.code);
    expect(text).toContain(partner.name);

    const audit = await db.auditEvent.findMany({ where: { entityId: applicationId, action: "letter.issue" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(correspondent.id);
  });

  it("is not issued by any other decision", async () => {
    const { applicationId } = await submittedDossier();
    await decideOnApplication(
      correspondent,
      { applicationId, expectedStatus: "SUBMITTED", decision: "startReview" },
      "r",
    );
    await decideOnApplication(
      correspondent,
      { applicationId, expectedStatus: "UNDER_REVIEW", decision: "reject", message: "No seat." },
      "r",
    );
    expect(await db.letter.count({ where: { applicationId } })).toBe(0);
  });

  it("two correspondents accepting at once: one acceptance, one letter, one stored file", async () => {
    const { applicationId } = await submittedDossier();
    const second = await createViewer("CORRESPONDENT", [component.id]);
    const before = storedFiles();
    const outcomes = await Promise.allSettled([
      accept(applicationId),
      decideOnApplication(
        second,
        { applicationId, expectedStatus: "SUBMITTED", decision: "accept", message: null },
        "r",
      ),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.letter.count({ where: { applicationId } })).toBe(1);
    expect(storedFiles()).toBe(before + 1);
  });
});

describe("reissuing", () => {
  it("a correction is a new version; the old one is marked replaced and its file is unchanged", async () => {
    const { student, applicationId } = await submittedDossier("en");
    await accept(applicationId);
    const first = await db.letter.findFirstOrThrow({ where: { applicationId } });
    const firstBytes = await bytesOf(
      await documentStorage().get((await openLetterForViewer(student, first.id)).storageKey),
    );

    const second = await reissueAcceptanceLetter(correspondent, { applicationId, locale: "en" }, "r");
    const rows = await db.letter.findMany({ where: { applicationId }, orderBy: { version: "asc" } });
    expect(rows.map((row) => [row.version, row.replacedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(second.code).not.toBe(first.code);
    expect(
      sha256(await bytesOf(await documentStorage().get((await openLetterForViewer(student, first.id)).storageKey))),
    ).toBe(first.sha256);
    expect(sha256(firstBytes)).toBe(first.sha256);
    expect((await listLettersForViewer(student, applicationId)).map((letter) => letter.version)).toEqual([2, 1]);
  });

  it("the other language on request: its own first version, the first language's letter still valid", async () => {
    const { applicationId } = await submittedDossier("en");
    await accept(applicationId);
    await reissueAcceptanceLetter(correspondent, { applicationId, locale: "fr" }, "r");
    const rows = await db.letter.findMany({ where: { applicationId }, orderBy: { locale: "asc" } });
    expect(rows.map((row) => [row.locale, row.version, row.replacedAt])).toEqual([
      ["en", 1, null],
      ["fr", 1, null],
    ]);
  });

  it("is refused for a dossier that is not accepted: nothing stored", async () => {
    const { applicationId } = await submittedDossier();
    const before = storedFiles();
    const refusal = await reissueAcceptanceLetter(correspondent, { applicationId, locale: "en" }, "r").catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe("letterNotAccepted");
    expect(await db.letter.count({ where: { applicationId } })).toBe(0);
    expect(storedFiles()).toBe(before);
  });

  it("answers 'not found' to a correspondent of another component, and to a student", async () => {
    const { student, applicationId } = await submittedDossier();
    await accept(applicationId);
    await expect(reissueAcceptanceLetter(outsider, { applicationId, locale: "en" }, "r")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(reissueAcceptanceLetter(student, { applicationId, locale: "en" }, "r")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.letter.count({ where: { applicationId } })).toBe(1);
  });
});

describe("who can fetch a letter", () => {
  it("the student and the dossier's staff; not another student, nor another component's correspondent", async () => {
    const { student, applicationId } = await submittedDossier();
    await accept(applicationId);
    const letter = await db.letter.findFirstOrThrow({ where: { applicationId } });
    const otherStudent = await createViewer("STUDENT");
    const admin = await createViewer("ADMIN");

    for (const viewer of [student, correspondent, admin])
      expect((await openLetterForViewer(viewer, letter.id)).size).toBe(letter.size);
    for (const viewer of [otherStudent, outsider, null])
      await expect(openLetterForViewer(viewer, letter.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openLetterForViewer(student, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await listLettersForViewer(otherStudent, applicationId)).toEqual([]);
    expect(await listLettersForViewer(outsider, applicationId)).toEqual([]);
  });
});

describe("the verification page's answers", () => {
  it("valid, then replaced once a new version is issued; only what the letter prints", async () => {
    const { applicationId } = await submittedDossier("en", { firstName: "Ana", lastName: "Žukauskaitė" });
    await accept(applicationId);
    const first = await db.letter.findFirstOrThrow({ where: { applicationId } });
    const address = uniqueAddress();

    const valid = await verifyLetterCode(first.code, address);
    expect(valid).toEqual({
      outcome: "found",
      letter: {
        code: first.code,
        kind: "ACCEPTANCE",
        locale: "en",
        studentName: "Ana Žukauskaitė",
        periodStart: first.periodStart,
        periodEnd: first.periodEnd,
        issuedAt: first.issuedAt,
        replacedAt: null,
        sha256: first.sha256,
      },
    });
    // Typed as printed, in lower case with spaces: the same letter.
    expect((await verifyLetterCode(first.code.toLowerCase().replaceAll("-", " "), address)).outcome).toBe("found");

    await reissueAcceptanceLetter(correspondent, { applicationId, locale: "en" }, "r");
    const replaced = await verifyLetterCode(first.code, address);
    expect(replaced.outcome === "found" && replaced.letter.replacedAt).toBeInstanceOf(Date);
  });

  it("unknown and malformed codes; unknown ones are throttled per address, the others' are not", async () => {
    const { applicationId } = await submittedDossier();
    await accept(applicationId);
    const letter = await db.letter.findFirstOrThrow({ where: { applicationId } });
    const guesser = uniqueAddress();
    const now = new Date();

    expect(await verifyLetterCode("not a code", guesser, now)).toEqual({ outcome: "malformed" });
    for (let guess = 0; guess < verifyThrottle.maxMisses; guess++)
      expect((await verifyLetterCode(`0000-0000-${String(guess).padStart(4, "0")}`, guesser, now)).outcome).toBe(
        "unknown",
      );
    // Past the limit even a real code is refused to the guesser, and malformed ones cost nothing.
    const throttled = await verifyLetterCode(letter.code, guesser, now);
    expect(throttled.outcome).toBe("throttled");
    expect(throttled.outcome === "throttled" && throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect((await verifyLetterCode(letter.code, uniqueAddress(), now)).outcome).toBe("found");
    // Once the window has passed, the address may look up again.
    const later = new Date(now.getTime() + verifyThrottle.windowMs + 1000);
    expect((await verifyLetterCode(letter.code, guesser, later)).outcome).toBe("found");
  });
});

describe("certificates of arrival and attendance (R-LET-4)", () => {
  async function acceptedDossier(arrivalDate: Date | null) {
    const dossier = await submittedDossier("en", { firstName: "Olena", lastName: "Шевченко" });
    await accept(dossier.applicationId);
    if (arrivalDate)
      await db.arrivalChecklist.create({
        data: { applicationId: dossier.applicationId, nationality: "UA", visaType: "VLS_TS", arrivalDate },
      });
    return dossier;
  }

  it("is refused before arrival, and for a dossier not accepted: nothing stored", async () => {
    const { student } = await acceptedDossier(null);
    await expect(requestCertificate(student, { kind: "ARRIVAL_CERTIFICATE" }, "r")).rejects.toMatchObject({
      code: "letterNotArrived",
    });
    const pending = await submittedDossier();
    await expect(requestCertificate(pending.student, { kind: "ATTENDANCE_CERTIFICATE" }, "r")).rejects.toMatchObject({
      code: "letterNotAccepted",
    });
    expect(await db.certificateRequest.count({ where: { applicationId: { in: [pending.applicationId] } } })).toBe(0);
  });

  it("asked for once arrived, confirmed by the correspondent, issued with the confirmed dates", async () => {
    const arrival = new Date(`${thisYear}-09-03T00:00:00Z`);
    const { student, applicationId } = await acceptedDossier(arrival);
    const asked = await requestCertificate(student, { kind: "ATTENDANCE_CERTIFICATE" }, "r");
    // Asking again while pending is the same request.
    expect((await requestCertificate(student, { kind: "ATTENDANCE_CERTIFICATE" }, "r")).id).toBe(asked.id);

    await expect(
      issueCertificate(outsider, { certificateRequestId: asked.id, locale: "en", start: arrival, end: undefined }, "r"),
    ).rejects.toBeInstanceOf(NotFoundError);

    const end = new Date(`${thisYear + 1}-01-29T00:00:00Z`);
    const issued = await issueCertificate(
      correspondent,
      { certificateRequestId: asked.id, locale: "en", start: arrival, end },
      "r",
    );
    expect(issued.kind).toBe("ATTENDANCE_CERTIFICATE");
    const row = await db.letter.findUniqueOrThrow({ where: { id: issued.letter.id } });
    expect([row.periodStart, row.periodEnd]).toEqual([arrival, end]);
    const text = extractPdfText(issued.letter.bytes).replace(/\s+/g, " ");
    expect(text).toContain("Certificate of attendance");
    expect(text).toContain("Olena Шевченко");
    expect(text).toContain(`from 3 September ${thisYear} to 29 January ${thisYear + 1}`);
    expect(await db.certificateRequest.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({
      status: "ISSUED",
      letterId: issued.letter.id,
    });

    // A request already issued cannot be issued again.
    await expect(
      issueCertificate(correspondent, { certificateRequestId: asked.id, locale: "en", start: arrival, end }, "r"),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.letter.count({ where: { applicationId, kind: "ATTENDANCE_CERTIFICATE" } })).toBe(1);
  });

  it("a certificate of arrival states the arrival day", async () => {
    const arrival = new Date(`${thisYear}-09-05T00:00:00Z`);
    const { student } = await acceptedDossier(arrival);
    const asked = await requestCertificate(student, { kind: "ARRIVAL_CERTIFICATE" }, "r");
    const issued = await issueCertificate(
      correspondent,
      { certificateRequestId: asked.id, locale: "fr", start: arrival, end: undefined },
      "r",
    );
    const row = await db.letter.findUniqueOrThrow({ where: { id: issued.letter.id } });
    expect([row.periodStart, row.periodEnd]).toEqual([arrival, null]);
    expect(extractPdfText(issued.letter.bytes).replace(/\s+/g, " ")).toContain(`arrivé(e) le 5 septembre ${thisYear}`);
  });
});

describe("letter templates as data (R-LET-1)", () => {
  const template = {
    kind: "ARRIVAL_CERTIFICATE" as const,
    locale: "en" as const,
    title: "Certificate of arrival",
    body: "We certify that {{studentName}} of {{homeUniversity}} arrived on {{startDate}}.\n\nGiven in Marseille.",
    signatoryName: "Prof. Jeanne Durand",
    signatoryTitle: "Director of International Relations",
  };

  it("refuses a text with an unknown or malformed placeholder, and stores nothing", () => {
    for (const [body, message] of [
      ["Dear {{passportNumber}}", "templateUnknownPlaceholder"],
      ["Dear {{studentName", "templateMalformedPlaceholder"],
      ["Dear }} you", "templateMalformedPlaceholder"],
    ]) {
      const parsed = ZLetterTemplate.safeParse({ ...template, body });
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["body", message]]);
    }
    expect(ZLetterTemplate.safeParse(template).success).toBe(true);
  });

  it("only an administrator saves one; the next letter issued uses it, the letters issued before stay as they were", async () => {
    await expect(updateLetterTemplate(correspondent, ZLetterTemplate.parse(template), "r")).rejects.toMatchObject({
      code: "forbidden",
    });
    const admin = await createViewer("ADMIN");
    await updateLetterTemplate(admin, ZLetterTemplate.parse(template), "r");
    expect(
      (await listLetterTemplates(admin)).find((row) => row.kind === "ARRIVAL_CERTIFICATE" && row.locale === "en"),
    ).toMatchObject({ title: template.title, body: template.body, signatoryName: "Prof. Jeanne Durand" });

    const arrival = new Date(`${thisYear}-09-07T00:00:00Z`);
    const { student, applicationId } = await submittedDossier("en", { firstName: "Mei", lastName: "林" });
    await accept(applicationId);
    await db.arrivalChecklist.create({
      data: { applicationId, nationality: "CN", visaType: "VLS_TS", arrivalDate: arrival },
    });
    const asked = await requestCertificate(student, { kind: "ARRIVAL_CERTIFICATE" }, "r");
    const issued = await issueCertificate(
      correspondent,
      { certificateRequestId: asked.id, locale: "en", start: arrival },
      "r",
    );
    const text = extractPdfText(issued.letter.bytes).replace(/\s+/g, " ");
    expect(text).toContain(`We certify that Mei 林 of ${partner.name} arrived on 7 September ${thisYear}.`);
    expect(text).toContain("Given in Marseille.");
    expect(text).toContain("Prof. Jeanne Durand");
    await db.letterTemplate.delete({ where: { kind_locale: { kind: "ARRIVAL_CERTIFICATE", locale: "en" } } });
  });
});

describe("letterhead and signature image as data (R-LET-6)", () => {
  const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name, { type: "image/png" });

  it("refuses an image that is not a PNG or JPEG, too large or empty, with a field error, and stores nothing", async () => {
    const admin = await createViewer("ADMIN");
    const before = storedFiles();
    const oversized = new Uint8Array(signatureImageMaxBytes + 1);
    oversized.set(pngSignature);
    for (const [image, code] of [
      [file(new TextEncoder().encode("GIF89a…"), "signature.png"), "signatureImageType"],
      [file(new TextEncoder().encode("%PDF-1.7"), "signature.png"), "signatureImageType"],
      [file(oversized, "signature.png"), "signatureImageTooLarge"],
      [file(new Uint8Array(), "signature.png"), "signatureImageEmpty"],
    ] as const) {
      await expect(uploadSignatureImage(admin, { image }, "r")).rejects.toMatchObject({ code, field: "image" });
    }
    const png = await QRCode.toBuffer("signature", { type: "png" });
    await expect(
      uploadSignatureImage(correspondent, { image: file(new Uint8Array(png), "s.png") }, "r"),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(storedFiles()).toBe(before);
    expect(await db.letterSignatureImage.count()).toBe(0);
  });

  it("a saved signature is stored privately and drawn on the next letter; a new one replaces the old file", async () => {
    const admin = await createViewer("ADMIN");
    const before = storedFiles();
    const png = await QRCode.toBuffer("signature", { type: "png" });
    try {
      await uploadSignatureImage(admin, { image: file(new Uint8Array(png), "signature.png") }, "r");
      const first = await db.letterSignatureImage.findUniqueOrThrow({ where: { id: "current" } });
      expect(first).toMatchObject({ contentType: "image/png", size: png.length });
      expect(storedFiles()).toBe(before + 1);

      const { applicationId } = await submittedDossier("en");
      const outcome = await accept(applicationId);
      expect(outcome.letter!.bytes.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);

      await uploadSignatureImage(admin, { image: file(new Uint8Array(png), "again.png") }, "r");
      const second = await db.letterSignatureImage.findUniqueOrThrow({ where: { id: "current" } });
      expect(second.storageKey).not.toBe(first.storageKey);
      // The letter's file and the new signature; the first signature's file is gone.
      expect(storedFiles()).toBe(before + 2);
      expect(await db.auditEvent.count({ where: { action: "letter.signature", actorId: admin.id } })).toBe(2);
    } finally {
      await db.letterSignatureImage.deleteMany();
    }
  });

  it("a letter issued after the letterhead is saved carries its text; only an administrator saves it", async () => {
    const admin = await createViewer("ADMIN");
    const lines =
      "Aix-Marseille Université\nPôle international — Site Saint-Charles\n3 place Victor Hugo, 13003 Marseille";
    await expect(
      updateLetterhead(correspondent, ZLetterhead.parse({ locale: "en", lines }), "r"),
    ).rejects.toMatchObject({ code: "forbidden" });
    try {
      await updateLetterhead(admin, ZLetterhead.parse({ locale: "en", lines }), "r");
      const { applicationId } = await submittedDossier("en");
      const outcome = await accept(applicationId);
      const text = extractPdfText(outcome.letter!.bytes).replace(/\s+/g, " ");
      expect(text).toContain("Pôle international — Site Saint-Charles");
      expect(text).toContain("3 place Victor Hugo, 13003 Marseille");

      // The preview prints the same letterhead, for the sample student, and stores nothing.
      const letters = await db.letter.count();
      const preview = extractPdfText(await renderLetterPreview(admin, "ACCEPTANCE", "en")).replace(/\s+/g, " ");
      expect(preview).toContain("Pôle international — Site Saint-Charles");
      expect(preview).toContain("Zoë Élodie Dvořák-Nguyễn");
      expect(await db.letter.count()).toBe(letters);
      await expect(renderLetterPreview(correspondent, "ACCEPTANCE", "en")).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      await db.letterLetterhead.deleteMany();
    }
  });
});
