import { describe, expect, it } from "vitest";
import { type DocumentChange, documentChange, studentMayChangeDocument } from "@/lib/documents/rules";
import type { ApplicationStatus, DocumentKind, HousingStatus, InsuranceStatus } from "@/lib/generated/prisma/enums";
import { canReviewInsurance, showsInsuranceUpload } from "@/lib/housing/insurance/rules";
import { ZInsuranceReview } from "@/lib/housing/insurance/schemas";
import {
  interlogDone,
  pendingNotice,
  reservationProgress,
  showsCityResources,
  showsHousingLink,
  studentHousingStatus,
} from "@/lib/housing/student/rules";
import { ZAcceptCommitments, ZDeclineRoom, ZInterlogStep } from "@/lib/housing/student/schemas";

const released = { releasedAt: new Date("2026-07-01T12:00:00Z") };
const unreleased = { releasedAt: null };
const at = new Date("2026-07-02T08:00:00Z");

describe("R-HOU-3: what the student sees of the decision (studentHousingStatus)", () => {
  it.each<[HousingStatus, { releasedAt: Date | null }, HousingStatus]>([
    // Before the release every decision reads "pending", whatever staff recorded.
    ["PENDING", unreleased, "PENDING"],
    ["ACCEPTED", unreleased, "PENDING"],
    ["WAITLISTED", unreleased, "PENDING"],
    ["REFUSED", unreleased, "PENDING"],
    // The student's own situation reads as it is.
    ["WITHDRAWN", unreleased, "WITHDRAWN"],
    ["DECLINED", unreleased, "DECLINED"],
    // After the release, the decision.
    ["PENDING", released, "PENDING"],
    ["ACCEPTED", released, "ACCEPTED"],
    ["WAITLISTED", released, "WAITLISTED"],
    ["REFUSED", released, "REFUSED"],
    ["DECLINED", released, "DECLINED"],
    ["WITHDRAWN", released, "WITHDRAWN"],
  ])("%s, round %o → %s", (status, round, seen) => {
    expect(studentHousingStatus(status, round)).toBe(seen);
  });
});

describe("R-HOU-3: what 'pending' says (pendingNotice)", () => {
  const releaseAt = new Date("2026-07-01T12:00:00Z");
  it.each([
    [
      "before the release date, unreleased → until the date",
      { releaseAt, releasedAt: null },
      new Date("2026-06-30T12:00:00Z"),
      { kind: "until", date: releaseAt },
    ],
    [
      "at the release date, unreleased → soon",
      { releaseAt, releasedAt: null },
      releaseAt,
      { kind: "soon", date: releaseAt },
    ],
    [
      "after the release date, unreleased → soon",
      { releaseAt, releasedAt: null },
      new Date("2026-07-15T12:00:00Z"),
      { kind: "soon", date: releaseAt },
    ],
    [
      "released early, still undecided → examining",
      { releaseAt, releasedAt: new Date("2026-06-20T12:00:00Z") },
      new Date("2026-06-25T12:00:00Z"),
      { kind: "examining" },
    ],
    [
      "released, still undecided → examining",
      { releaseAt, releasedAt: releaseAt },
      new Date("2026-07-15T12:00:00Z"),
      { kind: "examining" },
    ],
  ])("%s", (_name, round, now, notice) => {
    expect(pendingNotice(round, now)).toEqual(notice);
  });
});

describe("R-HOU-6: city resources for whoever has no room coming (showsCityResources)", () => {
  it.each<[HousingStatus | null, boolean]>([
    [null, true],
    ["PENDING", false],
    ["ACCEPTED", false],
    ["WAITLISTED", true],
    ["REFUSED", true],
    ["DECLINED", true],
    ["WITHDRAWN", true],
  ])("%s → %s", (status, shown) => {
    expect(showsCityResources(status)).toBe(shown);
  });
});

describe("R-HOU-4, R-HOU-5: the reservation (interlogDone, reservationProgress)", () => {
  const none = {
    interlogRegisteredAt: null,
    interlogRequestedAt: null,
    depositPaidAt: null,
    commitmentsAcceptedAt: null,
  };
  it.each([
    [
      "nothing done",
      none,
      {
        confirmed: false,
        missingSteps: ["registered", "accommodationRequested", "depositPaid"],
        commitmentsMissing: true,
      },
    ],
    [
      "registered only",
      { ...none, interlogRegisteredAt: at },
      { confirmed: false, missingSteps: ["accommodationRequested", "depositPaid"], commitmentsMissing: true },
    ],
    [
      "all three steps, no commitments",
      { ...none, interlogRegisteredAt: at, interlogRequestedAt: at, depositPaidAt: at },
      { confirmed: false, missingSteps: [], commitmentsMissing: true },
    ],
    [
      "commitments only",
      { ...none, commitmentsAcceptedAt: at },
      {
        confirmed: false,
        missingSteps: ["registered", "accommodationRequested", "depositPaid"],
        commitmentsMissing: false,
      },
    ],
    [
      "deposit not paid",
      { ...none, interlogRegisteredAt: at, interlogRequestedAt: at, commitmentsAcceptedAt: at },
      { confirmed: false, missingSteps: ["depositPaid"], commitmentsMissing: false },
    ],
    [
      "all three steps and the commitments → confirmed",
      { interlogRegisteredAt: at, interlogRequestedAt: at, depositPaidAt: at, commitmentsAcceptedAt: at },
      { confirmed: true, missingSteps: [], commitmentsMissing: false },
    ],
  ])("%s", (_name, request, progress) => {
    expect(reservationProgress(request)).toEqual(progress);
  });

  it("lists the done steps in the INTERLOG order", () => {
    expect(interlogDone({ interlogRegisteredAt: null, interlogRequestedAt: at, depositPaidAt: at })).toEqual([
      "accommodationRequested",
      "depositPaid",
    ]);
  });
});

describe("R-HOU-7: who may change which document when (studentMayChangeDocument)", () => {
  it.each<[DocumentKind, ApplicationStatus, boolean]>([
    ["PASSPORT", "DRAFT", true],
    ["PASSPORT", "CHANGES_REQUESTED", true],
    ["PASSPORT", "SUBMITTED", false],
    ["PASSPORT", "ACCEPTED", false],
    ["PHOTO", "ACCEPTED", false],
    // Issue 21: asked of accepted students only; a draft may not carry it.
    ["INSURANCE_CERTIFICATE", "DRAFT", false],
    ["INSURANCE_CERTIFICATE", "CHANGES_REQUESTED", false],
    ["INSURANCE_CERTIFICATE", "SUBMITTED", false],
    ["INSURANCE_CERTIFICATE", "UNDER_REVIEW", false],
    ["INSURANCE_CERTIFICATE", "ACCEPTED", true],
    ["INSURANCE_CERTIFICATE", "REJECTED", false],
    ["INSURANCE_CERTIFICATE", "WITHDRAWN", false],
  ])("%s while %s → %s", (kind, status, allowed) => {
    expect(studentMayChangeDocument(kind, status)).toBe(allowed);
  });

  it.each<[DocumentKind, ApplicationStatus, DocumentChange]>([
    ["INSURANCE_CERTIFICATE", "DRAFT", "notYet"],
    ["INSURANCE_CERTIFICATE", "SUBMITTED", "notYet"],
    ["INSURANCE_CERTIFICATE", "UNDER_REVIEW", "notYet"],
    ["INSURANCE_CERTIFICATE", "CHANGES_REQUESTED", "notYet"],
    ["INSURANCE_CERTIFICATE", "ACCEPTED", "allowed"],
    ["INSURANCE_CERTIFICATE", "REJECTED", "closed"],
    ["PASSPORT", "SUBMITTED", "closed"],
    ["PASSPORT", "DRAFT", "allowed"],
  ])("%s while %s: %s (a student who only has to wait is told so)", (kind, status, change) => {
    expect(documentChange(kind, status)).toBe(change);
  });

  it.each<[ApplicationStatus, boolean]>([
    ["DRAFT", false],
    ["SUBMITTED", false],
    ["UNDER_REVIEW", false],
    ["CHANGES_REQUESTED", false],
    ["ACCEPTED", true],
    ["REJECTED", false],
    ["WITHDRAWN", false],
  ])("the insurance upload shows on the housing page while %s → %s", (status, shown) => {
    expect(showsInsuranceUpload(status)).toBe(shown);
  });

  it.each<[InsuranceStatus, boolean]>([
    ["MISSING", false],
    ["SUBMITTED", true],
    ["APPROVED", false],
    ["REJECTED", false],
  ])("staff may review a certificate %s → %s", (status, allowed) => {
    expect(canReviewInsurance(status)).toBe(allowed);
  });
});

describe("the dossier links to the housing page (showsHousingLink)", () => {
  it.each<[ApplicationStatus, boolean | null, boolean]>([
    ["DRAFT", true, false],
    ["DRAFT", null, false],
    ["SUBMITTED", true, true],
    ["SUBMITTED", false, false],
    ["UNDER_REVIEW", true, true],
    ["CHANGES_REQUESTED", true, true],
    // R-HOU-7: the insurance concerns every accepted student, room or not.
    ["ACCEPTED", false, true],
    ["ACCEPTED", null, true],
    ["ACCEPTED", true, true],
    ["REJECTED", true, true],
    ["WITHDRAWN", false, false],
  ])("%s, housing requested %s → %s", (status, housingRequested, shown) => {
    expect(showsHousingLink({ status, housingRequested })).toBe(shown);
  });
});

describe("schemas of the housing page and the insurance review", () => {
  const id = "4f5d8a62-1c3b-4c1e-9a57-8b3c2d1e0f9a";

  it.each([
    [
      "a form tick",
      { housingRequestId: id, step: "registered", done: "true" },
      { housingRequestId: id, step: "registered", done: true },
    ],
    [
      "a form untick",
      { housingRequestId: id, step: "depositPaid", done: "false" },
      { housingRequestId: id, step: "depositPaid", done: false },
    ],
    [
      "a call from code",
      { housingRequestId: id, step: "accommodationRequested", done: true },
      { housingRequestId: id, step: "accommodationRequested", done: true },
    ],
  ])("ZInterlogStep accepts %s", (_name, input, output) => {
    expect(ZInterlogStep.parse(input)).toEqual(output);
  });

  it.each([
    ["an unknown step", { housingRequestId: id, step: "keysCollected", done: true }],
    ["no request", { step: "registered", done: true }],
    ["a column name", { housingRequestId: id, step: "registered", done: true, depositPaidAt: "2026-01-01" }],
  ])("ZInterlogStep refuses %s", (_name, input) => {
    expect(ZInterlogStep.safeParse(input).success).toBe(false);
  });

  it("R-HOU-5: ZAcceptCommitments wants each box, and says which one is missing", () => {
    expect(
      ZAcceptCommitments.safeParse({
        housingRequestId: id,
        payRestOnArrival: "on",
        wholeStudyPeriod: "on",
        studyPeriodOnly: "on",
      }).success,
    ).toBe(true);
    const result = ZAcceptCommitments.safeParse({
      housingRequestId: id,
      payRestOnArrival: "on",
      studyPeriodOnly: "on",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["wholeStudyPeriod", "commitmentRequired"],
    ]);
    expect(
      ZAcceptCommitments.safeParse({
        housingRequestId: id,
        payRestOnArrival: "on",
        wholeStudyPeriod: "on",
        studyPeriodOnly: "on",
        commitmentsAcceptedAt: "2020-01-01",
      }).success,
    ).toBe(false);
  });

  it("ZDeclineRoom wants the confirmation box", () => {
    expect(ZDeclineRoom.safeParse({ housingRequestId: id, confirm: "on" }).success).toBe(true);
    expect(
      ZDeclineRoom.safeParse({ housingRequestId: id }).error?.issues.map((issue) => [
        issue.path.join("."),
        issue.message,
      ]),
    ).toEqual([["confirm", "declineConfirmRequired"]]);
  });

  it.each([
    ["an approval", { applicationId: id, documentId: id, decision: "approve" }, true],
    [
      "a rejection with a note",
      { applicationId: id, documentId: id, decision: "reject", note: "  Water damage not covered.  " },
      true,
    ],
    ["a rejection without a note", { applicationId: id, documentId: id, decision: "reject" }, false],
    ["a rejection with a blank note", { applicationId: id, documentId: id, decision: "reject", note: "   " }, false],
    [
      "an approval that sets a status",
      { applicationId: id, documentId: id, decision: "approve", insuranceStatus: "APPROVED" },
      false,
    ],
    ["an unknown decision", { applicationId: id, documentId: id, decision: "ignore" }, false],
  ])("ZInsuranceReview: %s → valid %s", (_name, input, valid) => {
    expect(ZInsuranceReview.safeParse(input).success).toBe(valid);
  });

  it("ZInsuranceReview: a rejection's missing note is on the note field, and the note is trimmed", () => {
    const missing = ZInsuranceReview.safeParse({ applicationId: id, documentId: id, decision: "reject", note: "" });
    expect(missing.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["note", "insuranceNoteRequired"],
    ]);
    expect(
      ZInsuranceReview.parse({ applicationId: id, documentId: id, decision: "reject", note: " Expired. " }),
    ).toMatchObject({ note: "Expired." });
  });
});
