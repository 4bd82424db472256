import { describe, expect, it } from "vitest";
import { isInvitedToIntegrationWeek, isOpenForSignUp, movesUp, placeFor } from "@/lib/integration/week/rules";
import { ZCreateIntegrationSession } from "@/lib/integration/week/schemas";

describe("R-INT-1: a seat while there is one, otherwise the waiting list (placeFor)", () => {
  it.each([
    [0, 20, "CONFIRMED"],
    [19, 20, "CONFIRMED"],
    [20, 20, "WAITLISTED"],
    [25, 20, "WAITLISTED"],
    [0, 1, "CONFIRMED"],
  ] as const)("%i confirmed of %i seats → %s", (confirmed, capacity, expected) => {
    expect(placeFor(confirmed, capacity)).toBe(expected);
  });
});

const at = (iso: string, id: string) => ({ id, createdAt: new Date(iso) });

describe("R-INT-1: the waiting list moves up first come, first served (movesUp)", () => {
  const waiting = [
    at("2026-08-02T10:00:00Z", "c"),
    at("2026-08-01T10:00:00Z", "b"),
    at("2026-08-01T10:00:00Z", "a"),
    at("2026-08-03T10:00:00Z", "d"),
  ];
  it.each([
    [0, []],
    [-1, []],
    [1, ["a"]],
    [2, ["a", "b"]],
    [3, ["a", "b", "c"]],
    [10, ["a", "b", "c", "d"]],
  ])("%i free seats → %j (same instant: by id)", (free, expected) => {
    expect(movesUp(waiting, free).map((entry) => entry.id)).toEqual(expected);
  });
  it("leaves the queue it is given as it was", () => {
    const copy = [...waiting];
    movesUp(waiting, 2);
    expect(waiting).toEqual(copy);
  });
});

describe("R-ELI-3, R-INT-1: students below B2 (or who did not say) are invited explicitly", () => {
  it.each([
    ["A1", true],
    ["A2", true],
    ["B1", true],
    [null, true],
    ["B2", false],
    ["C1", false],
    ["C2", false],
  ] as const)("French %s → invited %s", (level, invited) => {
    expect(isInvitedToIntegrationWeek(level)).toBe(invited);
  });
});

describe("R-INT-1: sign-ups close when the session starts (isOpenForSignUp)", () => {
  it.each([
    ["2026-08-31", "2026-08-30", true],
    ["2026-08-31", "2026-08-31", false],
    ["2026-08-31", "2026-09-01", false],
  ])("starts %s, today %s → %s", (startsOn, today, open) => {
    expect(isOpenForSignUp(startsOn, today)).toBe(open);
  });
});

describe("R-INT-1: a session's form", () => {
  const valid = {
    academicYear: "2026",
    title: "September session",
    startsOn: "2026-08-31",
    endsOn: "2026-09-04",
    dailyHours: "09:00–13:00",
    totalHours: "20",
    place: "Campus Schuman",
    capacity: "60",
  };
  it("reads a complete form", () => {
    expect(ZCreateIntegrationSession.parse(valid)).toMatchObject({ academicYear: 2026, totalHours: 20, capacity: 60 });
  });
  it.each([
    [{ capacity: "0" }, "capacity"],
    [{ capacity: "" }, "capacity"],
    [{ endsOn: "2026-08-30" }, "endsOn"],
    [{ title: "  " }, "title"],
    [{ startsOn: "31/08/2026" }, "startsOn"],
  ])("refuses %j on %s", (change, field) => {
    const result = ZCreateIntegrationSession.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
  it("refuses an unknown field", () => {
    expect(ZCreateIntegrationSession.safeParse({ ...valid, confirmed: "0" }).success).toBe(false);
  });
});
