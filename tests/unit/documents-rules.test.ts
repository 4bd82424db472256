import { describe, expect, it } from "vitest";
import {
  acceptAttribute,
  allowedContentTypes,
  checkUpload,
  contentDisposition,
  type DocumentContentType,
  detectContentType,
  downloadFileName,
  isAllowedForKind,
  megabytes,
  refusalCodes,
  sanitizeFileName,
  sizeForDisplay,
  sniffLength,
} from "@/lib/documents/rules";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));

// Real headers, as the first bytes of files produced by common tools.
const pdf = text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
const jpegJfif = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01);
const jpegExif = bytes(0xff, 0xd8, 0xff, 0xe1, 0x2f, 0xfe, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);

describe("magic-byte detection", () => {
  it.each<[string, Uint8Array, DocumentContentType | null]>([
    ["a PDF (%PDF-1.7)", pdf, "application/pdf"],
    ["a PDF header alone", text("%PDF-"), "application/pdf"],
    ["a JPEG (JFIF)", jpegJfif, "image/jpeg"],
    ["a JPEG (Exif, from a phone)", jpegExif, "image/jpeg"],
    ["a PNG", png, "image/png"],
    ["the 8-byte PNG signature alone", png.slice(0, 8), "image/png"],
    ["a text file named .pdf", text("This is my passport, honestly.\n"), null],
    ["an HTML page", text("<!DOCTYPE html><html><script>alert(1)</script></html>"), null],
    ["an HTML page that mentions %PDF- later", text("<html>%PDF-1.4</html>"), null],
    ["an SVG image", text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null],
    ["a GIF", text("GIF89a\x01\x00\x01\x00"), null],
    ["a WebP", concat(text("RIFF"), bytes(0x24, 0, 0, 0), text("WEBPVP8 ")), null],
    ["a ZIP (a .docx)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), null],
    ["an empty buffer", new Uint8Array(), null],
    ["a truncated PDF header (%PD)", text("%PD"), null],
    ["a truncated PDF header (%PDF without the dash)", text("%PDF"), null],
    ["a truncated PNG signature (4 bytes)", png.slice(0, 4), null],
    ["a truncated PNG signature (7 bytes)", png.slice(0, 7), null],
    ["a truncated JPEG marker (FF D8)", bytes(0xff, 0xd8), null],
    ["a PDF header after a byte-order mark", concat(bytes(0xef, 0xbb, 0xbf), text("%PDF-1.4")), null],
    ["a PDF header after white space", text(" %PDF-1.4"), null],
    ["a PNG signature with a wrong byte", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00), null],
  ])("%s → %s", (_name, head, expected) => {
    expect(detectContentType(head)).toBe(expected);
  });

  it("needs no more than sniffLength bytes", () => {
    expect(sniffLength).toBe(8);
    for (const head of [pdf, jpegJfif, png])
      expect(detectContentType(head.slice(0, sniffLength))).toBe(detectContentType(head));
  });
});

describe("types allowed per kind", () => {
  it.each<[DocumentKind, DocumentContentType, boolean]>([
    ["PASSPORT", "application/pdf", true],
    ["PASSPORT", "image/jpeg", true],
    ["PASSPORT", "image/png", true],
    ["TRANSCRIPT", "application/pdf", true],
    ["TRANSCRIPT", "image/png", true],
    ["LEARNING_AGREEMENT", "application/pdf", true],
    ["LEARNING_AGREEMENT", "image/jpeg", true],
    ["CV", "application/pdf", true],
    ["MOTIVATION_LETTER", "application/pdf", true],
    ["PHOTO", "image/jpeg", true],
    ["PHOTO", "image/png", true],
    ["PHOTO", "application/pdf", false],
    ["INSURANCE_CERTIFICATE", "application/pdf", true],
    ["INSURANCE_CERTIFICATE", "image/png", true],
  ])("%s accepts %s: %s", (kind, type, allowed) => {
    expect(isAllowedForKind(kind, type)).toBe(allowed);
  });

  it("covers every kind", () => {
    expect(Object.keys(allowedContentTypes).sort()).toEqual(
      [
        ...[
          "CV",
          "INSURANCE_CERTIFICATE",
          "LEARNING_AGREEMENT",
          "MOTIVATION_LETTER",
          "PASSPORT",
          "PHOTO",
          "TRANSCRIPT",
        ],
        // R-VIS-2…4: the residence-permit copies (issue 5).
        ...[
          "VISA_FEE_RECEIPT",
          "VISA_OFII_FORM",
          "VISA_PASSPORT_PAGES",
          "VISA_PROOF_OF_RESIDENCE",
          "VISA_VALIDATION_PROOF",
        ],
      ].sort(),
    );
  });

  it.each<[DocumentKind, string]>([
    ["PASSPORT", ".pdf,.jpg,.jpeg,.png"],
    ["CV", ".pdf,.jpg,.jpeg,.png"],
    ["PHOTO", ".jpg,.jpeg,.png"],
  ])("the file picker of %s suggests %s", (kind, accept) => {
    expect(acceptAttribute(kind)).toBe(accept);
  });
});

describe("the upload check (empty, size, content, kind)", () => {
  const maxBytes = 10 * 1024 * 1024;
  it.each<[string, Parameters<typeof checkUpload>[0], ReturnType<typeof checkUpload>]>([
    [
      "a PDF passport",
      { kind: "PASSPORT", size: 2048, head: pdf, maxBytes },
      { ok: true, contentType: "application/pdf" },
    ],
    ["a JPEG photo", { kind: "PHOTO", size: 2048, head: jpegJfif, maxBytes }, { ok: true, contentType: "image/jpeg" }],
    [
      "a PNG transcript scan",
      { kind: "TRANSCRIPT", size: 2048, head: png, maxBytes },
      { ok: true, contentType: "image/png" },
    ],
    [
      "exactly the limit",
      { kind: "CV", size: maxBytes, head: pdf, maxBytes },
      { ok: true, contentType: "application/pdf" },
    ],
    [
      "one byte over the limit",
      { kind: "CV", size: maxBytes + 1, head: pdf, maxBytes },
      { ok: false, reason: "tooLarge" },
    ],
    ["an empty file", { kind: "CV", size: 0, head: new Uint8Array(), maxBytes }, { ok: false, reason: "empty" }],
    [
      "a text file named .pdf",
      { kind: "TRANSCRIPT", size: 31, head: text("This is my passport, honestly."), maxBytes },
      { ok: false, reason: "unsupportedType" },
    ],
    [
      "an HTML file",
      { kind: "CV", size: 60, head: text("<!DOCTYPE html>"), maxBytes },
      { ok: false, reason: "unsupportedType" },
    ],
    [
      "a GIF photo",
      { kind: "PHOTO", size: 60, head: text("GIF89a"), maxBytes },
      { ok: false, reason: "unsupportedType" },
    ],
    ["a PDF photo", { kind: "PHOTO", size: 2048, head: pdf, maxBytes }, { ok: false, reason: "notAllowedForKind" }],
    [
      "an oversized text file: the size first",
      { kind: "CV", size: maxBytes + 1, head: text("hello"), maxBytes },
      { ok: false, reason: "tooLarge" },
    ],
  ])("%s", (_name, upload, expected) => {
    expect(checkUpload(upload)).toEqual(expected);
  });

  it("names an errors-catalogue message for every refusal", () => {
    expect(refusalCodes).toEqual({
      empty: "documentEmpty",
      tooLarge: "documentTooLarge",
      unsupportedType: "documentTypeRefused",
      notAllowedForKind: "documentPhotoType",
    });
  });
});

describe("sizes as people read them", () => {
  it.each([
    [10 * 1024 * 1024, 10],
    [5 * 1024 * 1024, 5],
    [1.5 * 1024 * 1024, 1.5],
    [1024 * 1024 + 1, 1],
    [100 * 1024 * 1024, 100],
  ])("a limit of %i bytes reads %s MB", (limit, mb) => {
    expect(megabytes(limit)).toBe(mb);
  });

  it.each([
    [45, { value: 1, unit: "kilobyte" }],
    [1024, { value: 1, unit: "kilobyte" }],
    [1536, { value: 2, unit: "kilobyte" }],
    [350 * 1024 + 100, { value: 350, unit: "kilobyte" }],
    [999 * 1024, { value: 999, unit: "kilobyte" }],
    [1000 * 1024, { value: 1, unit: "megabyte" }],
    [1024 * 1024, { value: 1, unit: "megabyte" }],
    [2.25 * 1024 * 1024, { value: 2.3, unit: "megabyte" }],
  ])("%i bytes → %o", (size, expected) => {
    expect(sizeForDisplay(size)).toEqual(expected);
  });
});

describe("file names", () => {
  it.each([
    ["passport.pdf", "passport.pdf"],
    ["C:\\fakepath\\passport.pdf", "passport.pdf"],
    ["../../etc/passwd", "passwd"],
    ["relevé de notes.pdf", "relevé de notes.pdf"],
    ["re\u0301sume\u0301.pdf", "résumé.pdf"], // NFC
    ["invoice\u202Efdp.exe", "invoicefdp.exe"], // right-to-left override removed
    ["line\nbreak\t.pdf", "linebreak.pdf"],
    ["  spaced   out .pdf ", "spaced out .pdf"],
    ["", "document"],
    ["..", "document"],
    ["\u0000\u0001", "document"],
    [`${"a".repeat(300)}.pdf`, "a".repeat(200)],
  ])("%j is kept as %j", (name, kept) => {
    expect(sanitizeFileName(name)).toBe(kept);
  });

  it.each<[string, DocumentContentType, string]>([
    ["passport.pdf", "application/pdf", "passport.pdf"],
    ["Passport.PDF", "application/pdf", "Passport.PDF"],
    ["photo.jpeg", "image/jpeg", "photo.jpeg"],
    ["photo.jpg", "image/jpeg", "photo.jpg"],
    ["scan.pdf", "image/png", "scan.png"],
    ["scan", "application/pdf", "scan.pdf"],
    ["my.cv.v2", "application/pdf", "my.cv.pdf"],
    ["Dr. Smith letter", "application/pdf", "Dr. Smith letter.pdf"],
    [".pdf", "application/pdf", ".pdf.pdf"],
  ])("%j with %s downloads as %j", (name, type, expected) => {
    expect(downloadFileName(name, type)).toBe(expected);
  });

  it.each([
    ["passport.pdf", `attachment; filename="passport.pdf"; filename*=UTF-8''passport.pdf`],
    [
      "relevé de notes.pdf",
      `attachment; filename="releve de notes.pdf"; filename*=UTF-8''relev%C3%A9%20de%20notes.pdf`,
    ],
    [
      'a "quoted"\\name.pdf',
      `attachment; filename="a _quoted__name.pdf"; filename*=UTF-8''a%20%22quoted%22%5Cname.pdf`,
    ],
    ["l'été (1).png", `attachment; filename="l'ete (1).png"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.png`],
    ["护照.pdf", `attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7.pdf`],
  ])("Content-Disposition for %j", (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
