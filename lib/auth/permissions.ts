import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may call what, on which resources: the one permission table of the portal (ASVS V8).
 * Every server action is built from its row (`actionFor("applications.decide")` in
 * lib/actions/chain.ts picks the chain: anyone → signed in → roles), and the authorization
 * test (tests/integration/authorization.test.ts) is generated from it: each action called as
 * anonymous, two students, correspondents of two components and an admin.
 *
 * `who`: "anyone" (no session needed), "signedIn" (any role) or the roles allowed.
 * `scope`: what the allowed caller may touch, enforced by the service that loads the resource
 * scoped to the viewer (anything else answers "not found", like a resource that does not exist):
 * - "none": no resource (registering, signing in);
 * - "self": the caller's own session or account;
 * - "own": a student's own application and what hangs from it (documents, housing request,
 *   arrival checklist, welcome-desk booking): the service finds it from the viewer, never from
 *   an id the client sends alone;
 * - "dossier": what belongs to an application, for its student and for the staff of its
 *   component (an admin: all), e.g. a document's download;
 * - "component": staff's applications of their components (an admin: all), once submitted
 *   (lib/auth/scopes.ts staffScope);
 * - "all": reference data of the whole portal, admins only.
 */
export type Scope = "none" | "self" | "own" | "dossier" | "component" | "all";
export type Who = "anyone" | "signedIn" | readonly Role[];
export interface Permission {
  who: Who;
  scope: Scope;
}

export const permissions = {
  "components.createComponent": { who: ["ADMIN"], scope: "all" },
  "components.updateComponent": { who: ["ADMIN"], scope: "all" },
  "components.attachCorrespondent": { who: ["ADMIN"], scope: "all" },
  "components.detachCorrespondent": { who: ["ADMIN"], scope: "all" },
  "users.createStaffAccount": { who: ["ADMIN"], scope: "all" },
  "users.setAccountDisabled": { who: ["ADMIN"], scope: "all" },
  "users.changeRole": { who: ["ADMIN"], scope: "all" },
  "users.sendPasswordReset": { who: ["ADMIN"], scope: "all" },
  "users.resetSecondFactor": { who: ["ADMIN"], scope: "all" },
  "users.anonymisePerson": { who: ["ADMIN"], scope: "all" },
  "accounts.register": { who: "anyone", scope: "none" },
  "accounts.requestPasswordReset": { who: "anyone", scope: "none" },
  // The link's token is the proof: it names one account, whoever follows it.
  "accounts.resetPassword": { who: "anyone", scope: "none" },
  "accounts.confirmEmail": { who: "anyone", scope: "none" },
  "accounts.resendVerification": { who: "signedIn", scope: "self" },
  "accounts.changePassword": { who: "signedIn", scope: "self" },
  "accounts.requestEmailChange": { who: "signedIn", scope: "self" },
  "auth.signIn": { who: "anyone", scope: "none" },
  "auth.signOut": { who: "signedIn", scope: "self" },
  // Single sign-on (R-SSO-1): the identity provider proves who; the callback decides what.
  "auth.signInWithSso": { who: "anyone", scope: "none" },
  // The sign-in's second step and a required enrolment: the pending session in the cookie is
  // the proof (a password already checked); without one they answer "sign in again".
  "secondFactor.verifyCode": { who: "anyone", scope: "self" },
  "secondFactor.startEnrolment": { who: "anyone", scope: "self" },
  "secondFactor.confirmEnrolment": { who: "anyone", scope: "self" },
  "secondFactor.disable": { who: "signedIn", scope: "self" },
  "accountSessions.end": { who: "signedIn", scope: "self" },
  "accountSessions.endOthers": { who: "signedIn", scope: "self" },
  "agreements.createAgreement": { who: ["ADMIN"], scope: "all" },
  "agreements.updateAgreement": { who: ["ADMIN"], scope: "all" },
  "agreements.createKind": { who: ["ADMIN"], scope: "all" },
  "agreements.updateKind": { who: ["ADMIN"], scope: "all" },
  "agreements.deleteKind": { who: ["ADMIN"], scope: "all" },
  "iias.compareCopies": { who: ["ADMIN"], scope: "all" },
  "housingRounds.createHousingRound": { who: ["ADMIN"], scope: "all" },
  "housingRounds.updateHousingRound": { who: ["ADMIN"], scope: "all" },
  "calls.createCall": { who: ["ADMIN"], scope: "all" },
  "nominations.importNominations": { who: ["ADMIN"], scope: "all" },
  "nominations.attachNomination": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "calls.updateCall": { who: ["ADMIN"], scope: "all" },
  "calls.grantLateSubmission": { who: ["ADMIN"], scope: "all" },
  "residences.createResidence": { who: ["ADMIN"], scope: "all" },
  "residences.updateResidence": { who: ["ADMIN"], scope: "all" },
  "residences.setCapacities": { who: ["ADMIN"], scope: "all" },
  "housing.decideHousing": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "housing.rankHousing": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "housing.suggestHousing": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "housing.confirmHousingSuggestion": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  // Releasing a round e-mails every student of it, all faculties together (R-HOU-3): the
  // central IR office's act, like the round's dates; correspondents decide on the board.
  "housingRelease.releaseRound": { who: ["ADMIN"], scope: "all" },
  "housingRelease.sendRoundMails": { who: ["ADMIN"], scope: "all" },
  "housingRelease.markDecisionMailSent": { who: ["ADMIN"], scope: "all" },
  "housingRelease.resendDecisionMail": { who: ["ADMIN"], scope: "all" },
  "insurance.reviewInsurance": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "studentHousing.setInterlogStep": { who: ["STUDENT"], scope: "own" },
  "studentHousing.acceptHousingCommitments": { who: ["STUDENT"], scope: "own" },
  "studentHousing.declineHousingRoom": { who: ["STUDENT"], scope: "own" },
  "settings.updateDriContacts": { who: ["ADMIN"], scope: "all" },
  "settings.updateMessageMail": { who: ["ADMIN"], scope: "all" },
  "legal.update": { who: ["ADMIN"], scope: "all" },
  "arrival.saveArrivalDetails": { who: ["STUDENT"], scope: "own" },
  "arrival.setArrivalStep": { who: ["STUDENT"], scope: "own" },
  "arrival.recordForeignNumber": { who: ["STUDENT"], scope: "own" },
  "partners.createPartner": { who: ["ADMIN"], scope: "all" },
  "partners.updatePartner": { who: ["ADMIN"], scope: "all" },
  "partners.deletePartner": { who: ["ADMIN"], scope: "all" },
  "partners.createNetwork": { who: ["ADMIN"], scope: "all" },
  "partners.renameNetwork": { who: ["ADMIN"], scope: "all" },
  "partners.deleteNetwork": { who: ["ADMIN"], scope: "all" },
  "programmes.createProgramme": { who: ["ADMIN"], scope: "all" },
  "programmes.updateProgramme": { who: ["ADMIN"], scope: "all" },
  "visaProcedures.reviseProcedure": { who: ["ADMIN"], scope: "all" },
  "visaProcedures.setYearProcedure": { who: ["ADMIN"], scope: "all" },
  "visaProcedures.updateFeeAmount": { who: ["ADMIN"], scope: "all" },
  "visaProcedures.updateExemptCountries": { who: ["ADMIN"], scope: "all" },
  // Joint-master mobility (issue 18): the consortium's coordinator is an administrator.
  "jointMaster.createIntake": { who: ["ADMIN"], scope: "all" },
  "jointMaster.importStudents": { who: ["ADMIN"], scope: "all" },
  "jointMaster.setSeats": { who: ["ADMIN"], scope: "all" },
  "jointMaster.fixStudentPath": { who: ["ADMIN"], scope: "all" },
  "jointMaster.clearStudentPath": { who: ["ADMIN"], scope: "all" },
  "jointMaster.approveThesis": { who: ["ADMIN"], scope: "all" },
  "jointMaster.runAllocation": { who: ["ADMIN"], scope: "all" },
  "jointMaster.publishRun": { who: ["ADMIN"], scope: "all" },
  "jointMasterStudent.saveWishes": { who: ["STUDENT"], scope: "own" },
  // A letter is reissued by the staff who may decide on the dossier (the acceptance's deciders).
  "letters.reissueLetter": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "letters.requestCertificate": { who: ["STUDENT"], scope: "own" },
  "letters.issueCertificate": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "letters.updateTemplate": { who: ["ADMIN"], scope: "all" },
  "letters.updateLetterhead": { who: ["ADMIN"], scope: "all" },
  "letters.uploadSignature": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.bookWelcomeDeskSlot": { who: ["STUDENT"], scope: "own" },
  "welcomeDesk.cancelWelcomeDeskBooking": { who: ["STUDENT"], scope: "own" },
  "welcomeDesk.updateWelcomeDesk": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.generateWelcomeDeskSlots": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.deleteWelcomeDeskSlot": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.createWelcomeDeskPeriod": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.updateWelcomeDeskPeriod": { who: ["ADMIN"], scope: "all" },
  "welcomeDesk.deleteWelcomeDeskPeriod": { who: ["ADMIN"], scope: "all" },
  "applications.saveIdentity": { who: ["STUDENT"], scope: "own" },
  "applications.saveHome": { who: ["STUDENT"], scope: "own" },
  "applications.saveStudy": { who: ["STUDENT"], scope: "own" },
  "applications.saveLanguages": { who: ["STUDENT"], scope: "own" },
  "applications.saveHousing": { who: ["STUDENT"], scope: "own" },
  "applications.submitApplication": { who: ["STUDENT"], scope: "own" },
  "applications.withdrawApplication": { who: ["STUDENT"], scope: "own" },
  "applications.startNewApplication": { who: ["STUDENT"], scope: "own" },
  "applications.decide": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "applications.addInternalComment": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "applications.selectMatching": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "applications.decideInBulk": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "massMail.send": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "massMail.resume": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  // Integration and support (issue 16, R-INT-1…3).
  "integrationWeek.signUp": { who: ["STUDENT"], scope: "own" },
  "integrationWeek.withdraw": { who: ["STUDENT"], scope: "own" },
  "integrationWeek.createSession": { who: ["ADMIN"], scope: "all" },
  "integrationWeek.updateSession": { who: ["ADMIN"], scope: "all" },
  "fleCourses.create": { who: ["ADMIN"], scope: "all" },
  "fleCourses.delete": { who: ["ADMIN"], scope: "all" },
  // Teachers are contacts of a component: its correspondents know them and choose among them.
  "mentors.addTeacher": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "mentors.assign": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  // Sponsorship (R-INT-3): a local student's account offers to sponsor; an admin approves it
  // (the account becomes a SPONSOR); students opt in; correspondents confirm the pairs.
  "sponsorship.applyAsSponsor": { who: ["STUDENT"], scope: "self" },
  "sponsorship.decideSponsor": { who: ["ADMIN"], scope: "all" },
  "sponsorship.optIn": { who: ["STUDENT"], scope: "own" },
  "sponsorship.withdraw": { who: ["STUDENT"], scope: "own" },
  "sponsorship.confirmMatch": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  // The international mobility grant (issue 19): AMU's own outgoing students, and the IR office.
  "accounts.registerAmuStudent": { who: "anyone", scope: "none" },
  "ami.saveApplication": { who: ["AMU_STUDENT"], scope: "own" },
  "ami.submitApplication": { who: ["AMU_STUDENT"], scope: "own" },
  "ami.decide": { who: ["ADMIN"], scope: "all" },
  "ami.setYearRate": { who: ["ADMIN"], scope: "all" },
  // R-MSG-2: the dossier's thread, between its student and the staff who may see it.
  "conversation.sendStudentMessage": { who: ["STUDENT"], scope: "own" },
  "conversation.sendStaffMessage": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  // R-MSG-9: the queue's selection, each dossier checked against the sender's scope.
  "conversation.sendStaffMessageToMany": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "documentReview.reviewDocument": { who: ["CORRESPONDENT", "ADMIN"], scope: "component" },
  "conversation.markThreadRead": { who: ["STUDENT", "CORRESPONDENT", "ADMIN"], scope: "dossier" },
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof permissions;

/**
 * The route handlers, by method and path, under the same rules: each is built from its row
 * (`routeFor("GET /api/arrivals/export", …)` in lib/routes/route-for.ts checks `who` before the
 * handler runs) and tests/integration/route-authorization.test.ts is generated from this list.
 * A caller the row refuses is answered as for a resource that does not exist (404), except an
 * anonymous caller of a row whose `anonymous` is "signInRequired" (401: the route has nothing
 * to hide from them, it only needs them signed in).
 *
 * Two routes stay outside the table: /api/health, probed by the launcher and by monitoring
 * without a session and with its own body (it must answer even when the sessions' database
 * does not); and /api/auth/callback/sso, the identity provider's return when single sign-on is
 * configured, whose proof is next-auth's state, PKCE and nonce cookies, not a viewer (R-SSO-1).
 * next-auth has no other route (R-SEC-4): the portal signs in and out through its server
 * actions, which call next-auth in process.
 */
export interface RoutePermission extends Permission {
  /** What an anonymous caller is told: "notFound" (404) or "signInRequired" (401). */
  anonymous: "notFound" | "signInRequired";
}

export const routePermissions = {
  // The readiness probe: anyone (load balancers have no session); database and migrations only.
  "GET /api/ready": { who: "anyone", scope: "none", anonymous: "notFound" },
  "GET /api/documents/[id]": { who: ["STUDENT", "CORRESPONDENT", "ADMIN"], scope: "dossier", anonymous: "notFound" },
  "GET /api/letters/[id]": { who: ["STUDENT", "CORRESPONDENT", "ADMIN"], scope: "dossier", anonymous: "notFound" },
  "GET /api/letters/preview": { who: ["ADMIN"], scope: "all", anonymous: "notFound" },
  "DELETE /api/documents/[id]": { who: ["STUDENT"], scope: "own", anonymous: "signInRequired" },
  "POST /api/documents": { who: ["STUDENT"], scope: "own", anonymous: "signInRequired" },
  "GET /api/arrivals/export": { who: ["CORRESPONDENT", "ADMIN"], scope: "component", anonymous: "notFound" },
  "GET /api/applications/export": { who: ["CORRESPONDENT", "ADMIN"], scope: "component", anonymous: "notFound" },
  "GET /api/nominations/export": { who: ["CORRESPONDENT", "ADMIN"], scope: "component", anonymous: "notFound" },
  "GET /api/housing/rounds/[id]/export": { who: ["CORRESPONDENT", "ADMIN"], scope: "component", anonymous: "notFound" },
  "GET /api/housing/rounds/[id]/progress": { who: ["ADMIN"], scope: "all", anonymous: "signInRequired" },
  "GET /api/welcome-desk/attendees/export": {
    who: ["CORRESPONDENT", "ADMIN"],
    scope: "component",
    anonymous: "notFound",
  },
  "GET /api/welcome-desk/bookings/[id]/ics": { who: ["STUDENT"], scope: "own", anonymous: "notFound" },
  "GET /api/me/export": { who: "signedIn", scope: "self", anonymous: "signInRequired" },
  "POST /api/agreements/iia-import": { who: ["ADMIN"], scope: "all", anonymous: "signInRequired" },
  "POST /api/nominations/ewp-import": { who: ["ADMIN"], scope: "all", anonymous: "signInRequired" },
  "GET /api/agreements/[id]/iia": { who: ["ADMIN"], scope: "all", anonymous: "notFound" },
  "GET /api/agreements/[id]/signed-pdf": { who: ["ADMIN"], scope: "all", anonymous: "notFound" },
  "POST /api/agreements/[id]/signed-pdf": { who: ["ADMIN"], scope: "all", anonymous: "signInRequired" },
  "GET /api/ami/export": { who: ["ADMIN"], scope: "all", anonymous: "notFound" },
  // An AMI application's proofs: its student, and the international office once submitted.
  "POST /api/ami/documents": { who: ["AMU_STUDENT"], scope: "own", anonymous: "signInRequired" },
  "GET /api/ami/documents/[id]": { who: ["AMU_STUDENT", "ADMIN"], scope: "dossier", anonymous: "notFound" },
} as const satisfies Record<string, RoutePermission>;

export type RouteName = keyof typeof routePermissions;

/** Whether a caller of this role (null: not signed in) passes the row's `who`. */
export function isAllowed(permission: Permission, role: Role | null): boolean {
  if (permission.who === "anyone") return true;
  if (role === null) return false;
  return permission.who === "signedIn" || permission.who.includes(role);
}
