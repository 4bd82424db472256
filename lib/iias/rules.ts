import type { Element } from "@xmldom/xmldom";
import { childByName, childElements, childrenByName, childText } from "@/lib/ewp/xml-dom";
import type { AgreementStatus, StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * How a partner's IIA v7 maps onto our agreement model (R-PAR-1, R-ELI-1, R-ELI-6). AMU is
 * the receiving institution: what counts is the student mobility for studies *to* us.
 */

/** What an IIA says, in our model's terms. */
export type AgreementDraft = {
  partnerHeiId: string;
  partnerIiaId: string;
  ourIiaId: string | null;
  kind: "ERASMUS_PLUS";
  status: AgreementStatus;
  eqfLevels: number[];
  studyLevels: StudyLevel[];
  iscedCodes: string[];
  languageRequirements: string[];
  firstAcademicYear: number | null;
  lastAcademicYear: number | null;
  incomingSeatsPerYear: number;
};

/** EQF 5-6 are first-cycle (bachelor), 7 master, 8 doctorate. */
export function studyLevelOfEqf(level: number): StudyLevel | null {
  if (level === 5 || level === 6) return "BACHELOR";
  if (level === 7) return "MASTER";
  if (level === 8) return "DOCTORATE";
  return null;
}

/** "2026/2027" → 2026, the year it starts in (lib/academic-year.ts names years so). */
export function academicYearStart(id: string | undefined): number | null {
  const match = /^\s*(\d{4})\/\d{4}\s*$/.exec(id ?? "");
  return match ? Number(match[1]) : null;
}

const unique = <T>(items: T[]) => [...new Set(items)];

export function draftFromIia(iia: Element, localHeiId: string): AgreementDraft {
  const partners = childrenByName(iia, "partner");
  const them = partners.find((partner) => childText(partner, "hei-id")?.trim() !== localHeiId) ?? partners[0];
  const us = partners.find((partner) => childText(partner, "hei-id")?.trim() === localHeiId);
  const conditions = childByName(iia, "cooperation-conditions");
  const incoming = (conditions ? childElements(conditions) : []).filter(
    (spec) =>
      spec.localName === "student-studies-mobility-spec" && childText(spec, "receiving-hei-id")?.trim() === localHeiId,
  );
  const values = (name: string) =>
    incoming.flatMap((spec) => childrenByName(spec, name).map((element) => (element.textContent ?? "").trim()));
  const eqfLevels = unique(values("eqf-level").map(Number).filter(Number.isInteger)).sort();
  const firsts = incoming
    .map((spec) => academicYearStart(childText(spec, "receiving-first-academic-year-id")))
    .filter((year) => year !== null);
  const lasts = incoming
    .map((spec) => academicYearStart(childText(spec, "receiving-last-academic-year-id")))
    .filter((year) => year !== null);
  const terminated = ["true", "1"].includes(conditions?.getAttribute("terminated-as-a-whole") ?? "");
  const inEffect = ["true", "1"].includes(childText(iia, "in-effect")?.trim() ?? "");
  return {
    partnerHeiId: (them && childText(them, "hei-id")?.trim()) || "",
    partnerIiaId: (them && childText(them, "iia-id")?.trim()) || "",
    ourIiaId: (us && childText(us, "iia-id")?.trim()) || null,
    kind: "ERASMUS_PLUS",
    status: terminated ? "TERMINATED" : inEffect ? "SIGNED" : "DRAFT",
    eqfLevels,
    studyLevels: unique(eqfLevels.map(studyLevelOfEqf).filter((level) => level !== null)),
    iscedCodes: unique(
      incoming.flatMap((spec) =>
        childrenByName(spec, "subject-area").map((area) => childText(area, "isced-f-code")?.trim() ?? ""),
      ),
    ).filter(Boolean),
    languageRequirements: unique(
      incoming.flatMap((spec) =>
        childrenByName(spec, "recommended-language-skill")
          .filter(
            (skill) =>
              skill.getAttribute("not-yet-defined") !== "true" && skill.getAttribute("not-yet-defined") !== "1",
          )
          .map(
            (skill) => `${childText(skill, "language")?.trim() ?? ""}:${childText(skill, "cefr-level")?.trim() ?? ""}`,
          ),
      ),
    ),
    firstAcademicYear: firsts.length ? Math.min(...firsts) : null,
    lastAcademicYear: lasts.length ? Math.max(...lasts) : null,
    incomingSeatsPerYear: values("mobilities-per-year")
      .map(Number)
      .filter(Number.isInteger)
      .reduce((sum, seats) => sum + seats, 0),
  };
}

/** The fields an import sets, as the registry stores them. */
export const importedFields = [
  "status",
  "eqfLevels",
  "studyLevels",
  "iscedCodes",
  "languageRequirements",
  "firstAcademicYear",
  "lastAcademicYear",
  "incomingSeatsPerYear",
  "ewpIiaId",
] as const;
export type ImportedField = (typeof importedFields)[number];

export type StoredAgreement = {
  status: AgreementStatus;
  eqfLevels: number[];
  studyLevels: StudyLevel[];
  iscedCodes: string[];
  languageRequirements: string[];
  firstAcademicYear: number;
  lastAcademicYear: number;
  incomingSeatsPerYear: number;
  ewpIiaId: string | null;
};

export type FieldChange = { field: ImportedField; before: string; after: string };

function shown(value: unknown): string {
  if (Array.isArray(value)) return [...value].map(String).sort().join(", ");
  return value === null || value === undefined ? "" : String(value);
}

/** The preview: what would change in the stored agreement (all fields, for a new one). */
export function changesFromDraft(draft: AgreementDraft, stored: StoredAgreement | null): FieldChange[] {
  const after: Record<ImportedField, unknown> = { ...draft, ewpIiaId: draft.ourIiaId };
  return importedFields
    .map((field) => ({ field, before: stored ? shown(stored[field]) : "", after: shown(after[field]) }))
    .filter((change) => change.before !== change.after);
}
