import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/**
 * What an application's status means to the features that hang from it (documents, housing,
 * arrival) as well as to the application itself. Its transitions stay in lib/applications/rules.ts.
 */

/** The student may change the dossier only before submission, or when asked to. */
export function isEditableByStudent(status: ApplicationStatus): boolean {
  return status === "DRAFT" || status === "CHANGES_REQUESTED";
}

/** Reviewers see a dossier once it has been submitted at least once. */
export function isVisibleToReviewers(status: ApplicationStatus): boolean {
  return status !== "DRAFT";
}

/** The statuses reviewers see, in the order the queue lists and counts them. */
export const reviewerStatuses = [
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "ACCEPTED",
  "REJECTED",
  "WITHDRAWN",
] as const satisfies readonly ApplicationStatus[];
