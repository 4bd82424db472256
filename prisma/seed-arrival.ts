/**
 * Reference data of the arrival checklist (R-VIS-1…6): the two residence-permit procedures
 * the issue asks for, their fees and the visa-exempt nationalities. Created when missing, so
 * it can run on any database; an admin edits all of it afterwards (/admin/visa).
 */

import { visaExemptListCode } from "../lib/country-lists.ts";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import type { DocumentKind, VisaType } from "../lib/generated/prisma/enums.ts";

/** R-VIS-6: EU member states, then the other EEA states (Iceland, Liechtenstein, Norway), then Switzerland. */
export const visaExemptCountries = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "IS",
  "LI",
  "NO",
  "CH",
];

const fees = [
  /** R-VIS-3: the OFII stamp, 58 € on AMU's page. */
  { code: "ofii-stamp", nameFr: "Timbre OFII", nameEn: "OFII stamp", amountCents: 5800 },
  /** The electronic tax stamp of the online validation: its amount is set by the finance law. */
  {
    code: "vls-ts-tax-stamp",
    nameFr: "Timbre fiscal électronique (validation du VLS-TS)",
    nameEn: "Electronic tax stamp (VLS-TS validation)",
    amountCents: 5000,
  },
];

type SeedDocument = { labelFr: string; labelEn: string; uploadKind?: DocumentKind };
type SeedStep = {
  titleFr: string;
  titleEn: string;
  bodyFr: string;
  bodyEn: string;
  fee?: string;
  documents: SeedDocument[];
};
type SeedProcedure = {
  code: string;
  nameFr: string;
  nameEn: string;
  summaryFr: string;
  summaryEn: string;
  deadlineMonths: number;
  visaTypes: VisaType[];
  excludedNationalities: string[];
  reminderDays: number[];
  steps: SeedStep[];
};

/** R-VIS-1…4, as AMU's page for exchange students describes it (the paper OFII route). */
const ofiiPaper: SeedProcedure = {
  code: "ofii-paper",
  nameFr: "Validation du VLS-TS auprès de l'OFII (dossier papier)",
  nameEn: "VLS-TS validation at the OFII (paper file)",
  summaryFr:
    "Votre visa long séjour (VLS-TS) vaut titre de séjour : dès votre arrivée, régularisez-le auprès de l'OFII dans les 2 mois. Les services de l'OFII vous reçoivent aux guichets d'accueil d'Aix et de Marseille.",
  summaryEn:
    "Your long-stay visa (VLS-TS) is valid as a residence permit: as soon as you arrive, regularise it with the OFII within 2 months. The OFII services receive you at the welcome desks in Aix and Marseille.",
  deadlineMonths: 2,
  visaTypes: ["VLS_TS"],
  // Algerian nationals: a certificate of residence under the 1968 Franco-Algerian agreement.
  excludedNationalities: ["DZ"],
  reminderDays: [30, 14, 7, 2],
  steps: [
    {
      titleFr: "Premier dépôt à l'OFII",
      titleEn: "First deposit at the OFII",
      bodyFr:
        "Déposez au guichet de l'OFII le formulaire de demande d'attestation et la copie des pages de votre passeport.",
      bodyEn: "Hand in the certificate application form and the copy of your passport pages at the OFII counter.",
      documents: [
        {
          labelFr:
            "Formulaire de demande d'attestation OFII, visé par le service consulaire français, complété et signé",
          labelEn: "OFII certificate application form, stamped by the French consular service, completed and signed",
          uploadKind: "VISA_OFII_FORM",
        },
        {
          labelFr: "Copie des pages du passeport : identité, visa, cachet d'entrée en France ou dans l'espace Schengen",
          labelEn: "Copy of the passport pages: identity, visa, entry stamp (France or Schengen area)",
          uploadKind: "VISA_PASSPORT_PAGES",
        },
      ],
    },
    {
      titleFr: "Second dépôt, après l'accusé de réception de l'OFII",
      titleEn: "Second deposit, after the OFII's acknowledgement of receipt",
      bodyFr: "Quand l'OFII vous a envoyé son accusé de réception, présentez les pièces suivantes.",
      bodyEn: "Once the OFII has sent you its acknowledgement of receipt, bring the following.",
      fee: "ofii-stamp",
      documents: [
        { labelFr: "Votre passeport", labelEn: "Your passport" },
        {
          labelFr: "Copie d'un justificatif de domicile en France",
          labelEn: "Copy of a proof of residence in France",
          uploadKind: "VISA_PROOF_OF_RESIDENCE",
        },
        { labelFr: "Une photo d'identité", labelEn: "A passport photo" },
        {
          labelFr: "Le timbre OFII, acheté en ligne, dans un bureau de tabac ou à la trésorerie",
          labelEn: "The OFII stamp, bought online, at a tobacconist's or at the tax office",
          uploadKind: "VISA_FEE_RECEIPT",
        },
      ],
    },
    {
      titleFr: "Vignette OFII collée dans le passeport",
      titleEn: "OFII sticker in your passport",
      bodyFr:
        "L'OFII appose une vignette dans votre passeport. Son numéro AGDREF en fait votre titre de séjour temporaire : enregistrez-le ci-dessous.",
      bodyEn:
        "The OFII affixes a sticker in your passport. Its AGDREF number makes it your temporary residence permit: record it below.",
      documents: [
        {
          labelFr: "Copie de la page du passeport portant la vignette",
          labelEn: "Copy of the passport page with the sticker",
          uploadKind: "VISA_VALIDATION_PROOF",
        },
      ],
    },
  ],
};

/** The official route since February 2019: online validation on the administration's website. */
const onlineValidation: SeedProcedure = {
  code: "vls-ts-online",
  nameFr: "Validation en ligne du VLS-TS",
  nameEn: "Online VLS-TS validation",
  summaryFr:
    "Depuis février 2019, le visa long séjour valant titre de séjour se valide en ligne, sur le site de l'administration française (administration-etrangers-en-france.interieur.gouv.fr), dans les 3 mois suivant votre arrivée. Il remplace le dossier papier de l'OFII.",
  summaryEn:
    "Since February 2019, the long-stay visa valid as a residence permit is validated online, on the French administration's website (administration-etrangers-en-france.interieur.gouv.fr), within 3 months of your arrival. It replaces the OFII paper file.",
  deadlineMonths: 3,
  visaTypes: ["VLS_TS"],
  // Algerian nationals: a certificate of residence under the 1968 Franco-Algerian agreement.
  excludedNationalities: ["DZ"],
  reminderDays: [30, 14, 7, 2],
  steps: [
    {
      titleFr: "Acheter le timbre fiscal électronique",
      titleEn: "Buy the electronic tax stamp",
      bodyFr:
        "Achetez-le sur timbres.impots.gouv.fr ou dans un bureau de tabac ; gardez le numéro du timbre, demandé lors de la validation.",
      bodyEn:
        "Buy it on timbres.impots.gouv.fr or at a tobacconist's; keep the stamp's number, asked for during the validation.",
      fee: "vls-ts-tax-stamp",
      documents: [
        {
          labelFr: "Reçu du timbre fiscal électronique",
          labelEn: "Receipt of the electronic tax stamp",
          uploadKind: "VISA_FEE_RECEIPT",
        },
      ],
    },
    {
      titleFr: "Valider le visa en ligne",
      titleEn: "Validate the visa online",
      bodyFr:
        "Sur administration-etrangers-en-france.interieur.gouv.fr, saisissez les informations de votre visa, votre date d'entrée en France, votre adresse en France et le numéro du timbre fiscal.",
      bodyEn:
        "On administration-etrangers-en-france.interieur.gouv.fr, enter your visa's details, your date of entry into France, your address in France and the tax stamp's number.",
      documents: [
        { labelFr: "Votre passeport avec le visa", labelEn: "Your passport with the visa" },
        {
          labelFr: "Copie des pages du passeport : identité, visa, cachet d'entrée",
          labelEn: "Copy of the passport pages: identity, visa, entry stamp",
          uploadKind: "VISA_PASSPORT_PAGES",
        },
        { labelFr: "Votre adresse en France", labelEn: "Your address in France" },
      ],
    },
    {
      titleFr: "Télécharger l'attestation de validation",
      titleEn: "Download the validation certificate",
      bodyFr:
        "L'attestation, à garder avec votre passeport, porte votre numéro d'étranger (AGDREF) : enregistrez-le ci-dessous.",
      bodyEn:
        "The certificate, to keep with your passport, shows your foreign-national (AGDREF) number: record it below.",
      documents: [
        {
          labelFr: "Attestation de validation du visa",
          labelEn: "Visa validation certificate",
          uploadKind: "VISA_VALIDATION_PROOF",
        },
      ],
    },
  ],
};

export const seededProcedureCodes = { ofiiPaper: ofiiPaper.code, onlineValidation: onlineValidation.code };

/**
 * Creates the fees, the exempt list and the two procedures when missing, and makes the
 * online validation (the current official route) the procedure of the given academic years
 * that have none yet.
 */
export async function seedArrivalReferenceData(prisma: PrismaClient, academicYears: readonly number[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.countryList.upsert({
      where: { code: visaExemptListCode },
      create: { code: visaExemptListCode, countries: visaExemptCountries },
      update: {},
    });
    const feeIds = new Map<string, string>();
    for (const fee of fees) {
      const { id } = await tx.visaFee.upsert({
        where: { code: fee.code },
        create: fee,
        update: {},
        select: { id: true },
      });
      feeIds.set(fee.code, id);
    }
    const procedureIds = new Map<string, string>();
    for (const { steps, ...procedure } of [ofiiPaper, onlineValidation]) {
      const existing = await tx.visaProcedure.findFirst({
        where: { code: procedure.code },
        orderBy: { version: "desc" },
        select: { id: true },
      });
      if (existing) {
        procedureIds.set(procedure.code, existing.id);
        continue;
      }
      const { id } = await tx.visaProcedure.create({
        data: {
          ...procedure,
          version: 1,
          steps: {
            create: steps.map(({ fee, documents, ...step }, position) => ({
              ...step,
              position,
              feeId: fee ? feeIds.get(fee) : null,
              documents: { create: documents.map((document, index) => ({ ...document, position: index })) },
            })),
          },
        },
        select: { id: true },
      });
      procedureIds.set(procedure.code, id);
    }
    for (const academicYear of academicYears) {
      await tx.visaProcedureYear.upsert({
        where: { academicYear },
        create: { academicYear, procedureId: procedureIds.get(onlineValidation.code)! },
        update: {},
      });
    }
  });
}
