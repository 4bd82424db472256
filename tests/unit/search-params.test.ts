import { describe, expect, it } from "vitest";
import { filterParams, firstValues } from "@/lib/search-params";

describe("a list page's URL parameters", () => {
  it("reads one value per key: the first of a repeated key", () => {
    expect(firstValues({ q: "zoe", status: ["SUBMITTED", "ACCEPTED"], year: undefined })).toEqual({
      q: "zoe",
      status: "SUBMITTED",
      year: undefined,
    });
  });

  it.each([
    ["set filters, as text", { q: "zoé", year: 2026 }, [], { q: "zoé", year: "2026" }],
    ["unset filters left out", { q: undefined, period: "S1" }, [], { period: "S1" }],
    ["the cursor left out", { q: "a", after: "cursor" }, ["after"], { q: "a" }],
  ] as const)("%s", (_case, query, leaveOut, expected) => {
    expect(filterParams(query, leaveOut)).toEqual(expected);
  });
});
