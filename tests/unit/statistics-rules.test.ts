import { describe, expect, it } from "vitest";
import { acceptanceRate, arrivalGroup, perCall, statisticsScope, topWithOther } from "@/lib/statistics/rules";

describe("acceptance rate (decided dossiers only)", () => {
  it.each([
    [{}, null],
    [{ SUBMITTED: 10 }, null],
    [{ ACCEPTED: 3, REJECTED: 1 }, 75],
    [{ ACCEPTED: 1, REJECTED: 2, WITHDRAWN: 5, UNDER_REVIEW: 9 }, 33],
    [{ REJECTED: 4 }, 0],
  ] as const)("%j → %s", (counts, rate) => expect(acceptanceRate(counts)).toBe(rate));
});

describe("arrival groups", () => {
  it.each([
    ["DONE", "done"],
    ["OVERDUE", "overdue"],
    ["DUE_SOON", "onTrack"],
    ["IN_PROGRESS", "onTrack"],
    ["AWAITING_ARRIVAL", "onTrack"],
    ["NOT_STARTED", "notStarted"],
    ["NOT_APPLICABLE", null],
  ] as const)("%s → %s", (status, group) => expect(arrivalGroup(status)).toBe(group));
});

describe("top entries and the rest", () => {
  const other = (count: number) => ({ name: "other", count });
  it("keeps everything when there are few", () => {
    expect(topWithOther([{ name: "a", count: 1 }], 3, other)).toEqual([{ name: "a", count: 1 }]);
  });
  it("sums the rest as one entry", () => {
    const rows = [1, 5, 3, 2].map((count, index) => ({ name: `p${index}`, count }));
    expect(topWithOther(rows, 2, other)).toEqual([
      { name: "p1", count: 5 },
      { name: "p2", count: 3 },
      { name: "other", count: 3 },
    ]);
  });
});

describe("the statistics' scope: the lists' scope, one year", () => {
  const year = { academicYear: 2026 };
  const notDraft = { status: { not: "DRAFT" } };
  it.each([
    ["an admin: every faculty", { role: "ADMIN", componentIds: [] }, [notDraft, year]],
    [
      "a correspondent: their own faculties only",
      { role: "CORRESPONDENT", componentIds: ["sciences"] },
      [{ ...notDraft, componentId: { in: ["sciences"] } }, year],
    ],
    [
      "a correspondent without a faculty: none",
      { role: "CORRESPONDENT", componentIds: [] },
      [{ ...notDraft, componentId: { in: [] } }, year],
    ],
    ["a student: nothing", { role: "STUDENT", componentIds: ["sciences"] }, [{ id: { in: [] } }, year]],
  ] as const)("%s", (_case, viewer, expected) => {
    expect(statisticsScope({ role: viewer.role, componentIds: [...viewer.componentIds] }, 2026)).toEqual({
      AND: expected,
    });
  });
});

describe("dossiers per call (R-ELI-8)", () => {
  const calls = [{ id: "autumn" }, { id: "spring" }, { id: "late" }];
  it("counts each call's dossiers and its acceptance rate, calls in order, no call last, empty calls left out", () => {
    const rows = perCall(
      [
        { callId: null, status: "SUBMITTED", count: 2 },
        { callId: "spring", status: "ACCEPTED", count: 1 },
        { callId: "autumn", status: "ACCEPTED", count: 3 },
        { callId: "autumn", status: "REJECTED", count: 1 },
        { callId: "autumn", status: "UNDER_REVIEW", count: 4 },
        { callId: "spring", status: "WITHDRAWN", count: 2 },
      ],
      calls,
    );
    expect(rows).toEqual([
      { call: { id: "autumn" }, count: 8, accepted: 3, rejected: 1, acceptanceRate: 75 },
      { call: { id: "spring" }, count: 3, accepted: 1, rejected: 0, acceptanceRate: 100 },
      { call: null, count: 2, accepted: 0, rejected: 0, acceptanceRate: null },
    ]);
  });

  it("is empty when nothing is counted", () => {
    expect(perCall([], calls)).toEqual([]);
  });
});
