/**
 * What the portal keeps, for how long, and what survives an erasure (GDPR art. 5(1)(e), 17).
 * Pure data and arithmetic: lib/privacy/retention.ts applies it, SECURITY.md explains it.
 *
 * Legal holds, written down:
 * - The decision on an application and its academic content (faculty, programme, level,
 *   period, year, planned courses and credits, languages) are part of the university's
 *   student records, which French public-archive rules keep beyond the exchange: an erasure
 *   anonymises the person but keeps these facts, no longer tied to anyone.
 * - The audit trail keeps who did what and when (accountability, art. 5(2)); an erasure keeps
 *   the events but removes the person's data from their before/after contents.
 * - Nationality and visa type stay, without identity, for the mobility statistics the
 *   university reports.
 */

export const retention = {
  /** Drafts never submitted, untouched this long, are deleted with their documents. */
  draftMonths: 24,
  /** Documents of dossiers closed without an exchange (rejected, withdrawn), after the decision. */
  closedDossierDocumentMonths: 12,
  /** A person whose exchange year ended this long ago is anonymised. */
  alumniYears: 5,
  /** A person whose dossier was rejected or withdrawn this long ago is anonymised. */
  closedDossierYears: 2,
  /** A dossier left submitted or in review, untouched this long: its person is anonymised. */
  staleDossierYears: 3,
  /** A student account without an application, created and unused this long, is anonymised. */
  inactiveAccountYears: 2,
  /** Session rows after they ended (expired or revoked). */
  sessionDays: 30,
  /** Sign-in throttle rows after the last failure. */
  throttleDays: 1,
} as const;

export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * The last academic year whose students are anonymised now: an academic year Y ends on
 * 31 August of Y + 1; its students are kept `alumniYears` after that.
 */
export function lastAlumniYear(now: Date, alumniYears: number = retention.alumniYears): number {
  const septemberStart = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return septemberStart - 1 - alumniYears;
}

/** The address an anonymised account keeps: unique, undeliverable (.invalid, RFC 2606). */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

export function isErased(user: { id: string; email: string }): boolean {
  return user.email === erasedEmail(user.id);
}
