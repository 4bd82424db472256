import type { Prisma } from "@/lib/generated/prisma/client";

/** What a screen (and the upload's JSON answer) shows of a document: never its storage key. */
export const documentSummarySelect = {
  id: true,
  kind: true,
  originalName: true,
  size: true,
  contentType: true,
  createdAt: true,
  // R-MSG-6: the reviewers' checklist, which the student reads too.
  review: true,
  reviewNote: true,
} satisfies Prisma.ApplicationDocumentSelect;
export type DocumentSummary = Prisma.ApplicationDocumentGetPayload<{ select: typeof documentSummarySelect }>;
