import { describe, expect, it } from "vitest";
import { acceptanceRate, arrivalGroup, topWithOther } from "@/lib/statistics/rules";

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
