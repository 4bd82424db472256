import { describe, expect, it } from "vitest";
import {
  claimStaleAfterMs,
  isDecided,
  isStaleClaim,
  mayManageRelease,
  maySeeRounds,
} from "@/lib/housing/release/rules";
import { canRelease, defaultReleaseDate, isDecisionVisible, releaseOpensAt } from "@/lib/housing/rounds/rules";

const at = (iso: string) => new Date(iso);

describe("R-HOU-3 default release date: July for semester-1 arrivals, December for semester-2 arrivals", () => {
  it.each([
    [2026, "S1", "2026-07-01T12:00:00.000Z"],
    [2026, "S2", "2026-12-01T12:00:00.000Z"],
    [2027, "S1", "2027-07-01T12:00:00.000Z"],
    [2027, "S2", "2027-12-01T12:00:00.000Z"],
  ] as const)("academic year %i, %s → %s", (year, semester, iso) => {
    expect(defaultReleaseDate(year, semester).toISOString()).toBe(iso);
  });

  it.each([
    [2026, "S1", 7],
    [2026, "S2", 12],
  ] as const)(
    "academic year %i, %s falls in month %i in Paris, before the semester starts",
    (year, semester, month) => {
      const date = defaultReleaseDate(year, semester);
      expect(Number(new Intl.DateTimeFormat("en", { month: "numeric", timeZone: "Europe/Paris" }).format(date))).toBe(
        month,
      );
      const semesterStart = semester === "S1" ? Date.UTC(year, 8, 1) : Date.UTC(year + 1, 0, 1);
      expect(date.getTime()).toBeLessThan(semesterStart);
    },
  );
});

describe("R-HOU-3 canRelease: from 00:00 in Paris on the release day, once", () => {
  // Stored at noon UTC: 14:00 in Paris in summer (UTC+2), 13:00 in winter (UTC+1).
  const s1 = { releaseAt: defaultReleaseDate(2026, "S1"), releasedAt: null };
  const s2 = { releaseAt: defaultReleaseDate(2026, "S2"), releasedAt: null };
  it.each([
    ["S1, a month before", s1, "2026-06-01T12:00:00Z", false],
    ["S1 (summer time), 23:59:59.999 in Paris the day before", s1, "2026-06-30T21:59:59.999Z", false],
    ["S1 (summer time), 00:00 in Paris on the day", s1, "2026-06-30T22:00:00Z", true],
    ["S1 (summer time), 09:00 in Paris on the day, before the stored noon UTC", s1, "2026-07-01T07:00:00Z", true],
    ["S1, after the date", s1, "2026-08-15T08:00:00Z", true],
    ["S1, already released", { ...s1, releasedAt: at("2026-07-02T09:00:00Z") }, "2026-07-03T12:00:00Z", false],
    ["S2 (winter time), 23:59:59.999 in Paris the day before", s2, "2026-11-30T22:59:59.999Z", false],
    ["S2 (winter time), 00:00 in Paris on the day", s2, "2026-11-30T23:00:00Z", true],
    ["S2 (winter time), 12:59 in Paris on the day", s2, "2026-12-01T11:59:00Z", true],
    ["S2, after the date", s2, "2027-01-10T12:00:00Z", true],
    ["S2, already released", { ...s2, releasedAt: at("2026-12-01T12:00:00Z") }, "2026-12-01T12:00:01Z", false],
    [
      "a date moved earlier by staff (data), now past",
      { releaseAt: at("2026-06-15T08:00:00Z"), releasedAt: null },
      "2026-06-20T08:00:00Z",
      true,
    ],
  ] as const)("%s → %s", (_label, round, now, expected) => {
    expect(canRelease(round, at(now))).toBe(expected);
  });

  it.each([
    ["summer", "2026-07-01T12:00:00Z", "2026-06-30T22:00:00.000Z"],
    ["winter", "2026-12-01T12:00:00Z", "2026-11-30T23:00:00.000Z"],
    ["the day summer time starts", "2027-03-28T12:00:00Z", "2027-03-27T23:00:00.000Z"],
    ["the day summer time ends", "2026-10-25T12:00:00Z", "2026-10-24T22:00:00.000Z"],
  ] as const)("the release opens at 00:00 in Paris (%s): %s → %s", (_label, releaseAt, opensAt) => {
    expect(releaseOpensAt(at(releaseAt)).toISOString()).toBe(opensAt);
  });
});

describe("R-HOU-3 isDecisionVisible: a decision is invisible to the student until its round is released", () => {
  it.each([
    ["not released", { releasedAt: null }, false],
    ["released", { releasedAt: at("2026-07-01T12:00:00Z") }, true],
  ] as const)("%s → %s", (_label, round, expected) => {
    expect(isDecisionVisible(round)).toBe(expected);
  });
});

describe("R-HOU-3 what is e-mailed: only a staff decision", () => {
  it.each([
    ["ACCEPTED", true],
    ["WAITLISTED", true],
    ["REFUSED", true],
    ["PENDING", false],
    ["DECLINED", false],
    ["WITHDRAWN", false],
  ] as const)("%s → decided %s", (status, expected) => expect(isDecided(status)).toBe(expected));
});

describe("R-HOU-3 who releases (e-mails the whole round): an administrator only (issue 21)", () => {
  it.each([
    ["ADMIN", true],
    ["CORRESPONDENT", false],
    ["STUDENT", false],
  ] as const)("%s → %s", (role, expected) => expect(mayManageRelease({ role })).toBe(expected));
});

describe("who sees the list of rounds (the board's): the staff who decide", () => {
  it.each([
    ["ADMIN", true],
    ["CORRESPONDENT", true],
    ["STUDENT", false],
  ] as const)("%s → %s", (role, expected) => expect(maySeeRounds({ role })).toBe(expected));
});

describe("R-HOU-3 a mail claim left behind is uncertain only once it may no longer be in flight", () => {
  const claimedAt = at("2026-07-01T10:00:00Z");
  it.each([
    ["just claimed", 0, false],
    ["a millisecond before the delay", claimStaleAfterMs - 1, false],
    ["at the delay", claimStaleAfterMs, true],
    ["an hour later", 3_600_000, true],
  ] as const)("%s → stale %s", (_label, elapsed, expected) =>
    expect(isStaleClaim(claimedAt, new Date(claimedAt.getTime() + elapsed))).toBe(expected),
  );
});
