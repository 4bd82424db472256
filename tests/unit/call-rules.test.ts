/**
 * R-ELI-8: calls for applications, open from their opening to their deadline in Paris time;
 * the schemas of the admin form, as tables.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  callCoversComponent,
  callState,
  defaultCallDates,
  isExtension,
  pickOpenCall,
  submissionRefusal,
} from "@/lib/calls/rules";
import { ZCreateCall, ZGrantLateSubmission, ZUpdateCall } from "@/lib/calls/schemas";
import { parisInstant, parisWallClockInput, parisWallClockInstant } from "@/lib/paris-time";

// A winter deadline (UTC+1) and a summer one (UTC+2), each read in Paris time.
const winter = {
  opensAt: parisInstant("2026-10-01", "00:00"),
  applicationDeadline: parisInstant("2026-11-29", "23:59"),
};
const summer = {
  opensAt: parisInstant("2026-01-01", "00:00"),
  applicationDeadline: parisInstant("2026-05-31", "23:59"),
};

describe("R-ELI-8: a call is open from its opening to its deadline, Paris time", () => {
  it.each([
    ["a millisecond before the opening", winter, "2026-09-30T21:59:59.999Z", "upcoming"],
    ["at the opening (midnight in Paris, 22:00 UTC in summer)", winter, "2026-09-30T22:00:00.000Z", "open"],
    ["at the deadline, 23:59 in Paris in winter (22:59 UTC)", winter, "2026-11-29T22:59:00.000Z", "open"],
    ["a millisecond after the winter deadline", winter, "2026-11-29T22:59:00.001Z", "closed"],
    ["23:30 UTC on the deadline day: already the next day in Paris", winter, "2026-11-29T23:30:00.000Z", "closed"],
    ["at the summer deadline, 23:59 in Paris (21:59 UTC)", summer, "2026-05-31T21:59:00.000Z", "open"],
    ["22:00 UTC on the summer deadline day: past 23:59 in Paris", summer, "2026-05-31T22:00:00.000Z", "closed"],
  ] as const)("%s", (_label, call, now, state) => {
    expect(callState(call, new Date(now))).toBe(state);
  });
});

describe("R-ELI-8: the open call for a year and period", () => {
  const call = (id: string, period: "S1" | "S2", deadline: string) => ({
    id,
    academicYear: 2027,
    period,
    opensAt: parisInstant("2026-10-01", "00:00"),
    nominationDeadline: parisInstant("2026-10-15", "23:59"),
    applicationDeadline: parisInstant(deadline, "23:59"),
  });
  const calls = [
    call("first", "S1", "2027-03-31"),
    call("second", "S1", "2027-05-31"),
    call("spring", "S2", "2027-10-31"),
  ];
  it.each([
    ["two open rounds: the one that stays open longest", "2027-01-10", "S1", "second"],
    ["the first round closed, the second open", "2027-04-10", "S1", "second"],
    ["every round closed", "2027-06-10", "S1", null],
    ["another period", "2027-01-10", "S2", "spring"],
  ] as const)("%s", (_label, day, period, expected) => {
    const now = parisInstant(day, "12:00");
    expect(pickOpenCall(calls, { academicYear: 2027, period }, now)?.id ?? null).toBe(expected);
    expect(pickOpenCall(calls, { academicYear: 2028, period }, now)).toBeNull();
  });
});

describe("R-ELI-8: a call limited to some faculties", () => {
  it.each([
    ["a call for every faculty, any faculty", [], "sciences", true],
    ["a call for every faculty, no faculty named", [], undefined, true],
    ["a limited call, one of its faculties", ["sciences", "law"], "law", true],
    ["a limited call, another faculty", ["sciences"], "law", false],
    ["a limited call, no faculty named", ["sciences"], undefined, false],
  ] as const)("%s → %s", (_label, componentIds, componentId, covered) => {
    expect(callCoversComponent({ componentIds }, componentId)).toBe(covered);
  });

  it("picks, of the open calls, one that takes the student's faculty", () => {
    const now = new Date("2026-11-01T12:00:00Z");
    const base = {
      academicYear: 2027,
      period: "S2" as const,
      nominationDeadline: winter.applicationDeadline,
      ...winter,
    };
    const calls = [
      { ...base, id: "law-only", componentIds: ["law"] },
      { ...base, id: "sciences-only", componentIds: ["sciences"] },
    ];
    expect(pickOpenCall(calls, { academicYear: 2027, period: "S2", componentId: "sciences" }, now)?.id).toBe(
      "sciences-only",
    );
    expect(pickOpenCall(calls, { academicYear: 2027, period: "S2", componentId: "economics" }, now)).toBeNull();
  });
});

describe("R-ELI-8: when a submission is refused", () => {
  const after = new Date("2026-12-01T12:00:00Z");
  const before = new Date("2026-09-01T12:00:00Z");
  const inside = new Date("2026-11-01T12:00:00Z");
  it.each([
    ["a draft within the call", "DRAFT", null, winter, inside, null],
    ["a draft after the deadline", "DRAFT", null, winter, after, "callClosed"],
    ["a draft before the opening", "DRAFT", null, winter, before, "callNotOpenYet"],
    ["a draft after the deadline, with an exception", "DRAFT", new Date(), winter, after, null],
    ["a resubmission asked by the reviewer, after the deadline", "CHANGES_REQUESTED", null, winter, after, null],
    ["a draft in no call", "DRAFT", null, null, inside, "callClosed"],
  ] as const)("%s", (_label, status, lateSubmissionAt, call, now, refusal) => {
    expect(submissionRefusal({ status, lateSubmissionAt }, call, now)).toBe(refusal);
  });

  it("a later deadline is an extension, an earlier one is not", () => {
    expect(isExtension(winter, { applicationDeadline: new Date(winter.applicationDeadline.getTime() + 1) })).toBe(true);
    expect(isExtension(winter, { applicationDeadline: winter.applicationDeadline })).toBe(false);
  });
});

describe("R-ELI-8: AMU's usual dates (decisions in July for S1, December for S2)", () => {
  it.each([
    ["S1", "2026-12-01T00:00", "2027-05-31T23:59"],
    ["FULL_YEAR", "2026-12-01T00:00", "2027-05-31T23:59"],
    ["S2", "2027-05-01T00:00", "2027-10-31T23:59"],
  ] as const)("%s of 2027-2028", (period, opens, deadline) => {
    const dates = defaultCallDates(2027, period);
    expect(parisWallClockInput(dates.opensAt)).toBe(opens);
    expect(parisWallClockInput(dates.applicationDeadline)).toBe(deadline);
    expect(dates.nominationDeadline.getTime()).toBeLessThan(dates.applicationDeadline.getTime());
  });
});

describe("Paris wall clock as a datetime-local input shows it", () => {
  it.each([
    ["2026-11-29T23:59", "2026-11-29T22:59:00.000Z"],
    ["2026-07-14T09:30", "2026-07-14T07:30:00.000Z"],
    ["2026-02-30T09:30", null],
    ["2026-07-14T24:00", null],
    ["2026-07-14 09:30", null],
  ])("%s", (value, instant) => {
    expect(parisWallClockInstant(value)?.toISOString() ?? null).toBe(instant);
    if (instant) expect(parisWallClockInput(new Date(instant))).toBe(value);
  });
});

describe("R-ELI-8: the call form's schema", () => {
  const valid = {
    academicYear: "2027",
    period: "S1",
    opensAt: "2026-12-01T00:00",
    nominationDeadline: "2027-04-30T23:59",
    applicationDeadline: "2027-05-31T23:59",
  };
  const messageOn = (input: Record<string, unknown>, field: string) => {
    const result = ZCreateCall.safeParse(input);
    return result.success ? undefined : result.error.issues.find((issue) => issue.path.join(".") === field)?.message;
  };
  it.each([
    ["a valid call", valid, "applicationDeadline", undefined],
    ["no year", { ...valid, academicYear: "" }, "academicYear", "required"],
    ["an unknown period", { ...valid, period: "S3" }, "period", "required"],
    ["a malformed date", { ...valid, opensAt: "soon" }, "opensAt", "dateInvalid"],
    ["an empty deadline", { ...valid, applicationDeadline: "" }, "applicationDeadline", "required"],
    [
      "a deadline before the opening",
      { ...valid, applicationDeadline: "2026-11-30T23:59", nominationDeadline: "2026-11-01T00:00" },
      "applicationDeadline",
      "callDeadlineBeforeOpening",
    ],
    [
      "nominations after applications",
      { ...valid, nominationDeadline: "2027-06-01T00:00" },
      "nominationDeadline",
      "callNominationAfterDeadline",
    ],
  ])("%s", (_label, input, field, message) => {
    expect(messageOn(input, field)).toBe(message);
  });

  it("reads the dates in Paris time and refuses unknown keys", () => {
    expect(ZCreateCall.parse(valid).applicationDeadline.toISOString()).toBe("2027-05-31T21:59:00.000Z");
    expect(ZCreateCall.safeParse({ ...valid, id: randomUUID() }).success).toBe(false);
    expect(ZUpdateCall.safeParse({ ...valid, id: randomUUID() }).success).toBe(false);
  });

  it("an exception needs a reason and a real e-mail", () => {
    const callId = randomUUID();
    expect(
      ZGrantLateSubmission.safeParse({ callId, email: "A@Example.org", reason: "Strike at home" }).data?.email,
    ).toBe("a@example.org");
    expect(ZGrantLateSubmission.safeParse({ callId, email: "a@example.org", reason: " " }).success).toBe(false);
    expect(ZGrantLateSubmission.safeParse({ callId, email: "nope", reason: "Strike" }).success).toBe(false);
  });
});
