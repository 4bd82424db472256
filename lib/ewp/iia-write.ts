import { computeIiaHash } from "./iia-hash";
import { IIAS_V7_NS } from "./iias-response";
import { childrenByName, parseXml } from "./xml-dom";

/**
 * Our copy of an agreement as an IIAs v7 get response, and approvals as an IIAs Approval v2
 * response: plain functions of plain data, so that the EWP endpoints can serve them later as
 * the admin's downloads do now.
 */

export const IIAS_APPROVAL_V2_NS =
  "https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/tree/stable-v2";

export type IiaLanguageSkill = { language: string; cefrLevel: string | null };

/** A student mobility for studies (the direction is given by the two HEIs). */
export type StudiesMobility = {
  sendingHeiId: string;
  receivingHeiId: string;
  firstAcademicYear: number;
  lastAcademicYear: number;
  mobilitiesPerYear: number;
  languageSkills: IiaLanguageSkill[];
  iscedCodes: string[];
  eqfLevels: number[];
};

export type IiaCopy = {
  local: { heiId: string; iiaId: string };
  partner: { heiId: string; iiaId: string | null };
  inEffect: boolean;
  terminated: boolean;
  mobilities: StudiesMobility[];
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const academicYearId = (start: number) => `${start}/${start + 1}`;

function partnerXml(heiId: string, iiaId: string | null): string {
  return `<partner><hei-id>${escapeXml(heiId)}</hei-id>${iiaId ? `<iia-id>${escapeXml(iiaId)}</iia-id>` : ""}</partner>`;
}

function mobilityXml(mobility: StudiesMobility): string {
  // A student mobility needs a recommended language (XSD); none recorded yet is said so in
  // EWP's own terms, which also keeps the copy from being approved before it is completed.
  const skills = mobility.languageSkills.length
    ? mobility.languageSkills
        .map(
          (skill) =>
            `<recommended-language-skill><language>${escapeXml(skill.language)}</language>${skill.cefrLevel ? `<cefr-level>${escapeXml(skill.cefrLevel)}</cefr-level>` : ""}</recommended-language-skill>`,
        )
        .join("")
    : '<recommended-language-skill not-yet-defined="true"><language>fr</language></recommended-language-skill>';
  return [
    "<student-studies-mobility-spec>",
    `<sending-hei-id>${escapeXml(mobility.sendingHeiId)}</sending-hei-id>`,
    `<receiving-hei-id>${escapeXml(mobility.receivingHeiId)}</receiving-hei-id>`,
    `<receiving-first-academic-year-id>${academicYearId(mobility.firstAcademicYear)}</receiving-first-academic-year-id>`,
    `<receiving-last-academic-year-id>${academicYearId(mobility.lastAcademicYear)}</receiving-last-academic-year-id>`,
    `<mobilities-per-year>${mobility.mobilitiesPerYear}</mobilities-per-year>`,
    skills,
    ...mobility.iscedCodes.map(
      (code) => `<subject-area><isced-f-code>${escapeXml(code)}</isced-f-code></subject-area>`,
    ),
    "<blended>false</blended>",
    ...[...mobility.eqfLevels].sort().map((level) => `<eqf-level>${level}</eqf-level>`),
    "</student-studies-mobility-spec>",
  ].join("");
}

const HASH_PLACEHOLDER = "0".repeat(64);

function iiaXml(copy: IiaCopy, hash: string): string {
  const conditions = copy.terminated
    ? '<cooperation-conditions terminated-as-a-whole="true">'
    : "<cooperation-conditions>";
  return [
    "<iia>",
    partnerXml(copy.local.heiId, copy.local.iiaId),
    partnerXml(copy.partner.heiId, copy.partner.iiaId),
    `<in-effect>${copy.inEffect}</in-effect>`,
    conditions,
    ...copy.mobilities.map(mobilityXml),
    "</cooperation-conditions>",
    `<iia-hash>${hash}</iia-hash>`,
    "</iia>",
  ].join("");
}

function getResponse(iias: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iias-get-response xmlns="${IIAS_V7_NS}">${iias.join("")}</iias-get-response>\n`;
}

/**
 * Our IIAs get response, each IIA carrying its own iia-hash. The hash is computed on the very
 * text written, through the same code that checks partners' files.
 */
export function buildIiasGetResponse(copies: IiaCopy[]): string {
  const draft = getResponse(copies.map((copy) => iiaXml(copy, HASH_PLACEHOLDER)));
  const root = parseXml(draft);
  if (!root) throw new Error("generated IIAs response is not XML");
  const hashes = childrenByName(root, "iia").map((iia) => computeIiaHash(iia, root));
  return getResponse(copies.map((copy, index) => iiaXml(copy, hashes[index] as string)));
}

/** An IIAs Approval v2 response: the partner's IIA IDs with the hashes we approve. */
export function buildIiasApprovalResponse(approvals: { partnerIiaId: string; iiaHash: string }[]): string {
  const items = approvals
    .map(
      (approval) =>
        `<approval><iia-id>${escapeXml(approval.partnerIiaId)}</iia-id><iia-hash>${approval.iiaHash}</iia-hash></approval>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iias-approval-response xmlns="${IIAS_APPROVAL_V2_NS}">${items}</iias-approval-response>\n`;
}
