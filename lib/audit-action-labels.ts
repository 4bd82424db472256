import type { MessageKey } from "@/lib/i18n/message-key";

/**
 * Every action written to the audit trail, with its label in the `auditActions` catalogue.
 * `recordAudit` takes only these (lib/audit.ts), so a new action without a label fails the type
 * check; tests/unit/audit-action-labels.test.ts checks that each label exists in both languages.
 */
export const auditActionLabels = {
  "agreement.create": "agreement.create",
  "agreement.update": "agreement.update",
  "agreement.ewpImport": "agreement.ewpImport",
  "agreement.signedPdf": "agreement.signedPdf",
  // One label for every step saved: the page names the step.
  "application.save.identity": "application.save",
  "application.save.home": "application.save",
  "application.save.study": "application.save",
  "application.save.languages": "application.save",
  "application.save.housing": "application.save",
  "application.submit": "application.submit",
  "application.startReview": "application.startReview",
  "application.requestChanges": "application.requestChanges",
  "application.accept": "application.accept",
  "application.reject": "application.reject",
  "application.withdraw": "application.withdraw",
  "application.comment": "application.comment",
  "application.lateSubmission": "application.lateSubmission",
  "application.startNew": "application.startNew",
  "call.create": "call.create",
  "nomination.import": "nomination.import",
  "nomination.attach": "nomination.attach",
  "call.update": "call.update",
  "call.extend": "call.extend",
  "arrival.start": "arrival.start",
  "arrival.update": "arrival.update",
  "arrival.stepDone": "arrival.stepDone",
  "arrival.stepUndone": "arrival.stepUndone",
  "arrival.complete": "arrival.complete",
  "arrival.correctNumber": "arrival.correctNumber",
  "letter.issue": "letter.issue",
  "letter.request": "letter.request",
  "letter.template": "letter.template",
  "letter.letterhead": "letter.letterhead",
  "letter.signature": "letter.signature",
  "component.create": "component.create",
  "component.update": "component.update",
  "component.attachCorrespondent": "component.attachCorrespondent",
  "component.detachCorrespondent": "component.detachCorrespondent",
  "countryList.update": "countryList.update",
  "document.upload": "document.upload",
  "document.replace": "document.replace",
  "document.delete": "document.delete",
  "housing.request": "housing.request",
  "housing.request.reopen": "housing.reopen",
  "housing.withdraw": "housing.withdraw",
  "housing.rank": "housing.rank",
  "housing.accepted": "housing.accepted",
  "housing.waitlisted": "housing.waitlisted",
  "housing.refused": "housing.refused",
  "housing.acceptCommitments": "housing.acceptCommitments",
  "housing.decline": "housing.decline",
  "housing.interlogTick": "housing.interlogTick",
  "housing.interlogUntick": "housing.interlogUntick",
  "housing.round.release": "housing.round.release",
  "housing.decisionMail.send": "housing.decisionMail.send",
  "housing.decisionMail.fail": "housing.decisionMail.fail",
  "housing.decisionMail.markSent": "housing.decisionMail.markSent",
  "housing.decisionMail.resend": "housing.decisionMail.resend",
  "housingRound.create": "housingRound.create",
  "housingRound.update": "housingRound.update",
  "insurance.submitCertificate": "insurance.submitCertificate",
  "insurance.removeCertificate": "insurance.removeCertificate",
  "insurance.approveCertificate": "insurance.approveCertificate",
  "insurance.rejectCertificate": "insurance.rejectCertificate",
  "jointMaster.createIntake": "jointMaster.createIntake",
  "jointMaster.setSeats": "jointMaster.setSeats",
  "jointMaster.importStudents": "jointMaster.importStudents",
  "jointMaster.saveWishes": "jointMaster.saveWishes",
  "jointMaster.fixPath": "jointMaster.fixPath",
  "jointMaster.clearPath": "jointMaster.clearPath",
  "jointMaster.approveThesis": "jointMaster.approveThesis",
  "jointMaster.run": "jointMaster.run",
  "jointMaster.publish": "jointMaster.publish",
  "partner.create": "partner.create",
  "partner.update": "partner.update",
  "partner.delete": "partner.delete",
  "privacy.anonymise": "privacy.anonymise",
  "programme.create": "programme.create",
  "programme.update": "programme.update",
  "residence.create": "residence.create",
  "residence.update": "residence.update",
  "residenceCapacity.set": "residenceCapacity.set",
  "retention.deleteDraft": "retention.deleteDraft",
  // Shown on the dossier's history as it always was.
  "retention.deleteDocument": "document.change",
  "legalPage.update": "legalPage.update",
  "session.open": "session.open",
  "session.close": "session.close",
  "session.closeOthers": "session.closeOthers",
  "settings.update": "settings.update",
  "user.register": "user.register",
  "user.create": "user.create",
  "user.resetPassword": "user.resetPassword",
  "user.acceptInvitation": "user.acceptInvitation",
  "user.verifyEmail": "user.verifyEmail",
  "user.changeEmail": "user.changeEmail",
  "user.changePassword": "user.changePassword",
  "user.invite": "user.invite",
  "user.sendPasswordReset": "user.sendPasswordReset",
  "user.disable": "user.disable",
  "user.enable": "user.enable",
  "user.changeRole": "user.changeRole",
  "visaFee.update": "visaFee.update",
  "visaProcedure.update": "visaProcedure.update",
  "visaProcedure.newVersion": "visaProcedure.newVersion",
  "visaProcedure.setYear": "visaProcedure.setYear",
  "welcomeDesk.book": "welcomeDesk.book",
  "welcomeDesk.move": "welcomeDesk.move",
  "welcomeDesk.cancel": "welcomeDesk.cancel",
  "welcomeDesk.update": "welcomeDesk.update",
  "welcomeDesk.generateSlots": "welcomeDesk.generateSlots",
  "welcomeDesk.deleteSlot": "welcomeDesk.deleteSlot",
} as const satisfies Record<string, MessageKey<"auditActions">>;

export type AuditAction = keyof typeof auditActionLabels;

/** An action read back from the trail is a plain string: events written before a rename are not known. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(auditActionLabels, action);
}

/**
 * The status changes a student sees on their dossier's timeline, in the student's words (the
 * `dossier` catalogue): a refusal is "not accepted" there.
 */
export const timelineLabels = {
  "application.submit": "timeline.submit",
  "application.startReview": "timeline.startReview",
  "application.requestChanges": "timeline.requestChanges",
  "application.accept": "timeline.accept",
  "application.reject": "timeline.reject",
  "application.withdraw": "timeline.withdraw",
} as const satisfies Partial<Record<AuditAction, MessageKey<"dossier">>>;

export type TimelineAction = keyof typeof timelineLabels;

export const timelineActions = Object.keys(timelineLabels);

export function isTimelineAction(action: string): action is TimelineAction {
  return Object.hasOwn(timelineLabels, action);
}
