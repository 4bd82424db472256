/**
 * Pure rules of application documents (issue 3). No I/O: the service reads the first bytes
 * and the size, these functions decide. Also imported by the upload component (browser).
 */
import { isEditableByStudent } from "@/lib/application-status";
import { DomainError, type ErrorCode } from "@/lib/errors";
import type { ApplicationStatus, DocumentKind, DocumentReview } from "@/lib/generated/prisma/enums";

// ---------------------------------------------------------------------------------------------
// Content types, recognised by their content (magic bytes), never by the name or the
// Content-Type the browser sent.

export const documentContentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

const signatures: { type: DocumentContentType; bytes: readonly number[] }[] = [
  // "%PDF-". The PDF specification tolerates junk before the header; we do not: a file whose
  // first bytes are not the header is refused, which is what every PDF producer writes.
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PNG: \x89 "PNG" \r \n \x1a \n, the full 8-byte signature.
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG: start-of-image marker FF D8 followed by the next marker's FF.
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** How many leading bytes detectContentType needs. */
export const sniffLength = Math.max(...signatures.map((signature) => signature.bytes.length));

/** The type the first bytes announce, or null for anything else (text, HTML, GIF, truncated…). */
export function detectContentType(head: Uint8Array): DocumentContentType | null {
  const match = signatures.find(
    (signature) =>
      head.length >= signature.bytes.length && signature.bytes.every((byte, index) => head[index] === byte),
  );
  return match?.type ?? null;
}

/** A photo must be an image; every other document may be a PDF or an image (a scan). */
export const allowedContentTypes: Record<DocumentKind, readonly DocumentContentType[]> = {
  PASSPORT: documentContentTypes,
  TRANSCRIPT: documentContentTypes,
  LEARNING_AGREEMENT: documentContentTypes,
  PHOTO: ["image/jpeg", "image/png"],
  CV: documentContentTypes,
  MOTIVATION_LETTER: documentContentTypes,
  INSURANCE_CERTIFICATE: documentContentTypes,
  VISA_OFII_FORM: documentContentTypes,
  VISA_PASSPORT_PAGES: documentContentTypes,
  VISA_PROOF_OF_RESIDENCE: documentContentTypes,
  VISA_FEE_RECEIPT: documentContentTypes,
  VISA_VALIDATION_PROOF: documentContentTypes,
};

export function isAllowedForKind(kind: DocumentKind, contentType: DocumentContentType): boolean {
  return allowedContentTypes[kind].includes(contentType);
}

const extensions: Record<DocumentContentType, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};

/** The file input's `accept`: a hint to the browser's picker, never a check. */
export function acceptAttribute(kind: DocumentKind): string {
  return allowedContentTypes[kind].flatMap((type) => extensions[type]).join(",");
}

// ---------------------------------------------------------------------------------------------
// The upload check

export type UploadRefusal = "empty" | "tooLarge" | "unsupportedType" | "notAllowedForKind";

export type UploadCheck = { ok: true; contentType: DocumentContentType } | { ok: false; reason: UploadRefusal };

/** Empty, then too large, then the content's type: the first problem the student can fix. */
export function checkUpload(upload: {
  kind: DocumentKind;
  size: number;
  head: Uint8Array;
  maxBytes: number;
}): UploadCheck {
  return checkUploadAgainst({ ...upload, allowed: allowedContentTypes[upload.kind] });
}

/**
 * The same check against a list of allowed types, for documents that are not an incoming
 * dossier's (the AMI grant's award letter, issue 19).
 */
export function checkUploadAgainst(upload: {
  allowed: readonly DocumentContentType[];
  size: number;
  head: Uint8Array;
  maxBytes: number;
}): UploadCheck {
  if (upload.size <= 0) return { ok: false, reason: "empty" };
  if (upload.size > upload.maxBytes) return { ok: false, reason: "tooLarge" };
  const contentType = detectContentType(upload.head);
  if (!contentType) return { ok: false, reason: "unsupportedType" };
  if (!upload.allowed.includes(contentType)) return { ok: false, reason: "notAllowedForKind" };
  return { ok: true, contentType };
}

/** A refusal as a DomainError on the form's `file` field (the server's answer; the component translates the code). */
export function uploadRefusalError(reason: UploadRefusal, file: { name: string }, maxBytes: number): DomainError {
  const params = { maxMb: megabytes(maxBytes), name: sanitizeFileName(file.name) };
  return new DomainError(refusalCodes[reason], params, "file");
}

/**
 * The errors-catalogue code of each refusal (messages/<locale>/errors.json), shared by the
 * server and the upload component. Only the photo restricts the types (notAllowedForKind).
 */
export const refusalCodes: Record<UploadRefusal, ErrorCode> = {
  empty: "documentEmpty",
  tooLarge: "documentTooLarge",
  unsupportedType: "documentTypeRefused",
  notAllowedForKind: "documentPhotoType",
};

/** The limit as people read it: 10485760 → 10, 5242880 → 5, 1572864 → 1.5 (MB, base 1024). */
export function megabytes(bytes: number): number {
  return Math.floor((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * A size for Intl's unit formatting, as file managers show it: whole kilobytes up to 999 kB
 * (at least 1, so a tiny file does not read "0 kB"), megabytes with one decimal above.
 */
export function sizeForDisplay(bytes: number): { value: number; unit: "kilobyte" | "megabyte" } {
  const kilobytes = Math.max(1, Math.round(bytes / 1024));
  if (kilobytes < 1000) return { value: kilobytes, unit: "kilobyte" };
  return { value: Math.round((bytes / (1024 * 1024)) * 10) / 10, unit: "megabyte" };
}

// ---------------------------------------------------------------------------------------------
// File names: the student's name is kept for display only, never used to store the file.

const maxNameLength = 200;

/**
 * The name to keep: the last path segment (old browsers sent "C:\fakepath\…"), without control
 * or invisible formatting characters (a right-to-left override can disguise "gpj.exe" as
 * "exe.jpg"), NFC-normalised, at most 200 characters; "document" if nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const truncated = Array.from(cleaned).slice(0, maxNameLength).join("").trim();
  return truncated === "" || truncated === "." || truncated === ".." ? "document" : truncated;
}

/**
 * The name offered on download: the kept name, with an extension that matches the content (a
 * PNG that was named "scan.pdf" downloads as "scan.png"), so the reviewer's computer opens it
 * with the right program.
 */
export function downloadFileName(originalName: string, contentType: DocumentContentType): string {
  const name = sanitizeFileName(originalName);
  const valid = extensions[contentType];
  const lower = name.toLowerCase();
  if (valid.some((extension) => lower.endsWith(extension) && lower.length > extension.length)) return name;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 && name.length - dot <= 5 ? name.slice(0, dot) : name;
  return `${stem}${valid[0]}`;
}

/**
 * RFC 6266 attachment: an ASCII fallback for old clients, then the exact name in RFC 5987
 * encoding (filename*=UTF-8''…), which every current browser prefers.
 */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function isDocumentContentType(value: string): value is DocumentContentType {
  return (documentContentTypes as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Which documents a student may still change

/** The document kinds a procedure's steps may ask the student to upload. */
export const visaDocumentKinds = [
  "VISA_OFII_FORM",
  "VISA_PASSPORT_PAGES",
  "VISA_PROOF_OF_RESIDENCE",
  "VISA_FEE_RECEIPT",
  "VISA_VALIDATION_PROOF",
] as const satisfies readonly DocumentKind[];

export function isVisaDocumentKind(kind: DocumentKind): boolean {
  return (visaDocumentKinds as readonly DocumentKind[]).includes(kind);
}

/**
 * Whether a student may change (upload, replace, remove) a document of this kind now:
 * - the application's documents while it is editable (a draft, or changes requested);
 * - the residence-permit copies only once accepted, on the arrival page (R-VIS-2…4);
 * - the home-insurance certificate only once accepted (R-HOU-7: it is asked of accepted students,
 *   whatever their accommodation). Before that the student is told why ("notYet"), not "not found".
 */
export type DocumentChange = "allowed" | "notYet" | "closed";

export function documentChange(
  kind: DocumentKind,
  status: ApplicationStatus,
  /** The reviewers' verdict on the current document of this kind, if there is one. */
  review: DocumentReview = "PENDING",
): DocumentChange {
  if (isVisaDocumentKind(kind)) return status === "ACCEPTED" ? "allowed" : "closed";
  if (kind === "INSURANCE_CERTIFICATE") {
    if (status === "ACCEPTED") return "allowed";
    return status === "REJECTED" || status === "WITHDRAWN" ? "closed" : "notYet";
  }
  if (isEditableByStudent(status)) return "allowed";
  // R-MSG-7: a document the reviewers asked to replace stays open to the student after submission.
  return review === "TO_REPLACE" && status !== "REJECTED" && status !== "WITHDRAWN" ? "allowed" : "closed";
}

export function studentMayChangeDocument(
  kind: DocumentKind,
  status: ApplicationStatus,
  review: DocumentReview = "PENDING",
): boolean {
  return documentChange(kind, status, review) === "allowed";
}

/**
 * R-MSG-8: the headers of a document answered inline, for the reviewers' preview in the page.
 * Should a browser render the bytes as a page, it runs nothing and loads nothing (sandbox,
 * default-src 'none'); only this origin may frame it. The type is the one detected from the
 * content at upload (PDF, JPEG, PNG), and nosniff keeps the browser from guessing another.
 */
export function inlinePreviewHeaders(fileName: string): Record<string, string> {
  return {
    "Content-Disposition": contentDisposition(fileName, "inline"),
    "Content-Security-Policy":
      "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
  };
}

/** R-MSG-8: the types the preview shows; anything else is only downloaded. */
export function previewKind(contentType: string): "pdf" | "image" | null {
  if (contentType === "application/pdf") return "pdf";
  return contentType === "image/jpeg" || contentType === "image/png" ? "image" : null;
}
