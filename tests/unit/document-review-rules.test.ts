import { describe, expect, it } from "vitest";
import { ZDocumentReview } from "@/lib/documents/review/schemas";
import { contentDisposition, documentChange, inlinePreviewHeaders, previewKind } from "@/lib/documents/rules";

const id = "7d3c2b1a-0000-4000-8000-000000000001";

describe("R-MSG-7: a document to be replaced stays open after submission", () => {
  it.each([
    ["SUBMITTED", "TO_REPLACE", "allowed"],
    ["UNDER_REVIEW", "TO_REPLACE", "allowed"],
    ["ACCEPTED", "TO_REPLACE", "allowed"],
    ["CHANGES_REQUESTED", "ACCEPTED", "allowed"],
    ["SUBMITTED", "PENDING", "closed"],
    ["UNDER_REVIEW", "ACCEPTED", "closed"],
    ["REJECTED", "TO_REPLACE", "closed"],
    ["WITHDRAWN", "TO_REPLACE", "closed"],
  ] as const)("a passport of a %s dossier, %s → %s", (status, review, change) => {
    expect(documentChange("PASSPORT", status, review)).toBe(change);
  });
});

describe("R-MSG-6: a verdict", () => {
  it.each([
    [{ documentId: id, verdict: "ACCEPTED" }, true],
    [{ documentId: id, verdict: "TO_REPLACE", note: "Cut at the bottom" }, true],
    [{ documentId: id, verdict: "TO_REPLACE", note: " " }, false],
    [{ documentId: id, verdict: "TO_REPLACE" }, false],
    [{ documentId: id, verdict: "MAYBE" }, false],
    [{ documentId: id, verdict: "TO_REPLACE", note: "bad\u0007" }, false],
    [{ documentId: id, verdict: "ACCEPTED", extra: 1 }, false],
  ])("%j → %s", (input, ok) => {
    expect(ZDocumentReview.safeParse(input).success).toBe(ok);
  });

  it("names the note as the missing field", () => {
    const result = ZDocumentReview.safeParse({ documentId: id, verdict: "TO_REPLACE" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["note"], message: "replaceNoteRequired" });
  });
});

describe("R-MSG-8: the preview", () => {
  it.each([
    ["application/pdf", "pdf"],
    ["image/jpeg", "image"],
    ["image/png", "image"],
    ["text/html", null],
    ["application/octet-stream", null],
  ])("%s → %s", (type, kind) => {
    expect(previewKind(type)).toBe(kind);
  });

  it("is inline, sandboxed, not sniffed, framed by this origin only", () => {
    const headers = inlinePreviewHeaders("Zoé passport.pdf");
    expect(headers["Content-Disposition"]).toBe(contentDisposition("Zoé passport.pdf", "inline"));
    expect(headers["Content-Disposition"]).toMatch(/^inline; filename="Zoe passport.pdf"; filename\*=UTF-8''Zo%C3%A9/);
    expect(headers["Content-Security-Policy"]).toMatch(/^sandbox; default-src 'none';.*frame-ancestors 'self'$/);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
