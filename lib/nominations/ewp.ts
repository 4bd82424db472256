/**
 * Nominations from an Erasmus Without Paper Outgoing Mobilities v3 get response (R-ELI-2), the
 * document a partner's system sends for its outgoing students: each `student-mobility` mapped
 * to the fields of a CSV line, then checked by the same rules. Pure (the XML is already parsed
 * and validated against the official schema by the caller).
 *
 * Mapping: partner = sending-hei/hei-id (the partner's EWP HEI ID); student_name = the first
 * given-names and family-name without a language tag (else the first); email = student/email;
 * component = receiving-hei/ounit-id (AMU's faculty code); level = EQF level studied at
 * departure (6 bachelor, 7 master, 8 doctorate); period = sending-academic-term-ewp-id
 * ("2027/2028-1/2" semester 1, "-2/2" semester 2, "-1/1" the full year); academic_year =
 * receiving-academic-year-id; home_coordinator = the sending HEI's international office (the
 * format names no person). Cancelled and rejected mobilities are left out.
 */
import type { Element } from "@xmldom/xmldom";
import { childByName, childrenByName, childText } from "@/lib/ewp/xml-dom";
import type { NominationRecord } from "@/lib/nominations/rules";

export const OMOBILITIES_V3_NS =
  "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v3/endpoints/get-response.xsd";

const eqfLevels: Record<string, string> = { "6": "bachelor", "7": "master", "8": "doctorate" };

function untagged(elements: Element[]): string {
  const plain = elements.find((element) => !element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
  return (plain ?? elements[0])?.textContent?.trim() ?? "";
}

function period(termId: string): string {
  const match = /-(\d)\/(\d)$/.exec(termId.trim());
  if (!match) return termId;
  if (match[2] === "1") return "full year";
  if (match[2] === "2") return match[1] === "1" ? "S1" : "S2";
  return termId;
}

export function omobilityRecords(root: Element): NominationRecord[] {
  return childrenByName(root, "student-mobility")
    .filter((mobility) => !["cancelled", "rejected"].includes(childText(mobility, "status")?.trim() ?? ""))
    .map((mobility) => {
      const student = childByName(mobility, "student");
      const nomination = childByName(mobility, "nomination");
      const sending = nomination && childByName(nomination, "sending-hei");
      const receiving = nomination && childByName(nomination, "receiving-hei");
      const heiId = (sending && childText(sending, "hei-id")?.trim()) ?? "";
      const names = student
        ? [untagged(childrenByName(student, "given-names")), untagged(childrenByName(student, "family-name"))]
        : [];
      return {
        partner: heiId,
        student_name: names.filter(Boolean).join(" "),
        email: (student && childText(student, "email")?.trim()) ?? "",
        component: (receiving && childText(receiving, "ounit-id")?.trim()) ?? "",
        level: eqfLevels[(nomination && childText(nomination, "eqf-level-studied-at-departure")?.trim()) ?? ""] ?? "",
        period: period((nomination && childText(nomination, "sending-academic-term-ewp-id")) ?? ""),
        academic_year: (nomination && childText(nomination, "receiving-academic-year-id")?.trim()) ?? "",
        home_coordinator: heiId ? `International office, ${heiId}` : "",
        language: "",
      };
    });
}
