import type { LetterKind } from "@/lib/generated/prisma/enums";

/**
 * The wording of each letter, per language, with `{{placeholders}}` (lib/letters/rules.ts).
 * These are the texts the portal starts with; the placeholders are checked by a unit test so
 * that none of them can go out with a hole in it.
 */
export interface LetterTemplate {
  title: string;
  paragraphs: string[];
}

export const letterhead: Record<"fr" | "en", string[]> = {
  fr: [
    "Aix-Marseille Université",
    "Direction des relations internationales",
    "Jardin du Pharo, 58 bd Charles Livon, 13007 Marseille, France",
  ],
  en: [
    "Aix-Marseille University (Aix-Marseille Université)",
    "International Relations Office",
    "Jardin du Pharo, 58 bd Charles Livon, 13007 Marseille, France",
  ],
};

export const signatory = {
  name: "Dr Claire Martin",
  title: {
    fr: "Vice-présidente déléguée aux relations internationales",
    en: "Vice-President for International Relations",
  },
} as const;

export const defaultTemplates: Record<LetterKind, Record<"fr" | "en", LetterTemplate>> = {
  ACCEPTANCE: {
    fr: {
      title: "Lettre d'admission",
      paragraphs: [
        "Aix-Marseille Université certifie que {{studentName}}, né(e) le {{dateOfBirth}}, de nationalité {{nationality}}, étudiant(e) de {{homeUniversity}}, est admis(e) en tant qu'étudiant(e) en échange pour l'année universitaire {{academicYear}} ({{period}}).",
        "Programme : {{programme}}, {{component}}. Période d'études : du {{startDate}} au {{endDate}}. Crédits ECTS prévus : {{ects}}.",
        "Cette lettre est délivrée à l'intéressé(e) pour servir et valoir ce que de droit, notamment pour sa demande de visa.",
      ],
    },
    en: {
      title: "Letter of acceptance",
      paragraphs: [
        "Aix-Marseille University certifies that {{studentName}}, born on {{dateOfBirth}}, a national of {{nationality}}, student of {{homeUniversity}}, is accepted as an exchange student for the academic year {{academicYear}} ({{period}}).",
        "Programme: {{programme}}, {{component}}. Period of study: from {{startDate}} to {{endDate}}. Planned ECTS credits: {{ects}}.",
        "This letter is issued to the student for all legal purposes, in particular the visa application.",
      ],
    },
  },
  ARRIVAL_CERTIFICATE: {
    fr: {
      title: "Attestation d'arrivée",
      paragraphs: [
        "Aix-Marseille Université atteste que {{studentName}}, étudiant(e) de {{homeUniversity}}, est arrivé(e) le {{startDate}} pour une période d'études en échange ({{programme}}, {{component}}, année {{academicYear}}).",
      ],
    },
    en: {
      title: "Certificate of arrival",
      paragraphs: [
        "Aix-Marseille University certifies that {{studentName}}, student of {{homeUniversity}}, arrived on {{startDate}} for an exchange period of study ({{programme}}, {{component}}, academic year {{academicYear}}).",
      ],
    },
  },
  ATTENDANCE_CERTIFICATE: {
    fr: {
      title: "Attestation de présence",
      paragraphs: [
        "Aix-Marseille Université atteste que {{studentName}}, étudiant(e) de {{homeUniversity}}, a suivi une période d'études en échange du {{startDate}} au {{endDate}} ({{programme}}, {{component}}, année {{academicYear}}).",
      ],
    },
    en: {
      title: "Certificate of attendance",
      paragraphs: [
        "Aix-Marseille University certifies that {{studentName}}, student of {{homeUniversity}}, attended an exchange period of study from {{startDate}} to {{endDate}} ({{programme}}, {{component}}, academic year {{academicYear}}).",
      ],
    },
  },
};

export const verificationCaption = { fr: "Vérifier cette lettre, code", en: "Verify this letter, code" } as const;
export const periodLabels = {
  fr: { S1: "premier semestre", S2: "second semestre", FULL_YEAR: "année complète" },
  en: { S1: "first semester", S2: "second semester", FULL_YEAR: "full year" },
} as const;

/** Names the studies when a dossier has no programme (chosen by faculty and level only). */
export const studyLevelLabels = {
  fr: {
    BACHELOR: "Études de niveau licence",
    MASTER: "Études de niveau master",
    DOCTORATE: "Études de niveau doctorat",
  },
  en: { BACHELOR: "Bachelor's level studies", MASTER: "Master's level studies", DOCTORATE: "Doctoral level studies" },
} as const;
