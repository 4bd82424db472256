/** Issue 21: the development outbox filtered by recipient and subject. */
import { describe, expect, it } from "vitest";
import { isOutboxFiltered, matchesOutboxFilter, ZOutboxFilter } from "@/lib/mail/outbox-filter";

const message = { to: ["zoe.lefevre@uni-karlsruhe.example", "ir@amu.example"], subject: "Votre dossier a été accepté" };

describe("matchesOutboxFilter", () => {
  it.each([
    ["no filter", {}, true],
    ["one recipient of several", { to: "ir@amu" }, true],
    ["a recipient, case ignored", { to: "ZOE.LEFEVRE" }, true],
    ["a recipient typed with an accent", { to: "zoé" }, true],
    ["another recipient", { to: "marie" }, false],
    ["a subject without its accents", { subject: "ete accepte" }, true],
    ["a subject word", { subject: "dossier" }, true],
    ["another subject", { subject: "refusé" }, false],
    ["both, one missing", { to: "zoe", subject: "logement" }, false],
    ["both", { to: "zoe", subject: "accepté" }, true],
  ])("%s", (_case, filter, expected) => {
    expect(matchesOutboxFilter(message, filter)).toBe(expected);
  });
});

describe("ZOutboxFilter (the query string)", () => {
  it.each([
    ["empty", {}, {}],
    ["trimmed", { to: "  zoe  " }, { to: "zoe" }],
    ["control characters dropped", { subject: "a\u0000b\nc" }, { subject: "abc" }],
    ["an array is no filter", { to: ["a", "b"] }, {}],
    ["too long is no filter", { subject: "x".repeat(201) }, {}],
  ])("%s", (_case, input, expected) => {
    const parsed = ZOutboxFilter.parse(input);
    expect(parsed).toEqual({ to: undefined, subject: undefined, ...expected });
  });

  it("says whether anything is filtered", () => {
    expect(isOutboxFiltered({})).toBe(false);
    expect(isOutboxFiltered({ to: "" })).toBe(false);
    expect(isOutboxFiltered({ subject: "x" })).toBe(true);
  });
});
