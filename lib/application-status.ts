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
/**
 * R-ELI-9: a student may have several applications over time; where one is needed (the form, the
 * dossier, documents, housing, letters), it is the newest. Ties (same instant) broken by id, so
 * that every reader picks the same one.
 */
export const newestApplicationFirst = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies {
  createdAt?: "desc";
  id?: "desc";
}[];

/**
 * R-ELI-9: what follows acceptance (arrival, welcome desk, certificates) is about the accepted
 * application, even when a newer one (an extension to semester 2) is in progress: `find` is
 * asked for an accepted one first, then for any.
 */
export async function preferAccepted<T>(
  find: (status: { status?: "ACCEPTED" }) => Promise<T | null>,
): Promise<T | null> {
  return (await find({ status: "ACCEPTED" })) ?? (await find({}));
}
