import { describe, expect, it } from "vitest";
import { type CataloguePartner, coversEveryComponent, isShownFor, partnerMatches } from "@/lib/catalogue/rules";
import { ZCatalogueQuery } from "@/lib/catalogue/schemas";

// R-PAR-1: kinds are data; what covers every faculty is the kind's flag, not its code.
const erasmus = { nameFr: "Erasmus+", nameEn: "Erasmus+", coversEveryComponent: false };
const strategic = { nameFr: "Partenariat stratégique", nameEn: "Strategic partnership", coversEveryComponent: true };

const tampere: CataloguePartner = {
  name: "Tampere University",
  country: "FI",
  city: "Tampere",
  networks: ["EUA"],
  agreements: [
    {
      kind: "ERASMUS_PLUS",
      agreementKind: erasmus,
      studyLevels: ["MASTER"],
      instructionLanguages: ["en"],
      components: [{ code: "SCI" }],
    },
  ],
};
const montreal: CataloguePartner = {
  name: "Université de Montréal",
  country: "CA",
  city: "Montréal",
  networks: ["AUF"],
  agreements: [
    {
      kind: "STRATEGIC_PARTNERSHIP",
      agreementKind: strategic,
      studyLevels: ["BACHELOR", "MASTER"],
      instructionLanguages: ["fr"],
      components: [],
    },
  ],
};

describe("R-PAR-1 a kind that covers every faculty (a strategic partnership) covers each", () => {
  it.each([
    ["a strategic partnership", strategic, true],
    ["Erasmus+", erasmus, false],
  ] as const)("%s → %s", (_name, agreementKind, every) => expect(coversEveryComponent({ agreementKind })).toBe(every));
});

describe("shown publicly: signed, in force this year or the next", () => {
  it.each([
    ["signed, current", { status: "SIGNED", firstAcademicYear: 2024, lastAcademicYear: 2026 }, true],
    ["signed, starts next year", { status: "SIGNED", firstAcademicYear: 2027, lastAcademicYear: 2030 }, true],
    ["signed, starts in two years", { status: "SIGNED", firstAcademicYear: 2028, lastAcademicYear: 2030 }, false],
    ["signed, ended last year", { status: "SIGNED", firstAcademicYear: 2020, lastAcademicYear: 2025 }, false],
    ["draft", { status: "DRAFT", firstAcademicYear: 2026, lastAcademicYear: 2027 }, false],
    ["terminated", { status: "TERMINATED", firstAcademicYear: 2026, lastAcademicYear: 2027 }, false],
  ])("%s", (_name, agreement, shown) => expect(isShownFor(agreement, 2026)).toBe(shown));
});

describe("catalogue filters (R-PAR-2 networks, kinds, components, levels, languages)", () => {
  it.each([
    ["no filter", {}, ["Tampere University", "Université de Montréal"]],
    ["search without accents", { q: "montreal" }, ["Université de Montréal"]],
    ["country", { country: "fi" }, ["Tampere University"]],
    ["city", { city: "Montréal" }, ["Université de Montréal"]],
    ["network", { network: "auf" }, ["Université de Montréal"]],
    ["kind", { kind: "ERASMUS_PLUS" }, ["Tampere University"]],
    [
      "a component: the strategic partnership covers it too",
      { component: "SCI" },
      ["Tampere University", "Université de Montréal"],
    ],
    ["another component: only the strategic partnership", { component: "LAW" }, ["Université de Montréal"]],
    ["level", { level: "BACHELOR" }, ["Université de Montréal"]],
    ["language of instruction", { language: "EN" }, ["Tampere University"]],
    ["a kind typed in lower case", { kind: "erasmus_plus" }, ["Tampere University"]],
    [
      "odd values are ignored, not refused",
      { kind: "<b>", level: ["MASTER", "X"], country: "France", language: "<script>" },
      ["Tampere University", "Université de Montréal"],
    ],
    ["a kind no agreement has: nothing, not an error", { kind: "NOPE" }, []],
    ["a huge search is ignored", { q: "x".repeat(10_000) }, ["Tampere University", "Université de Montréal"]],
  ])("%s", (_name, raw, names) => {
    const query = ZCatalogueQuery.parse(raw);
    expect(
      [tampere, montreal].filter((partner) => partnerMatches(partner, query)).map((partner) => partner.name),
    ).toEqual(names);
  });
});
