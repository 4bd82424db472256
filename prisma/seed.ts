/**
 * Demo data: AMU's components, the partners named in the seed pages (Europhotonics
 * consortium, strategic partners, WUT-AMU double degrees, …) with their agreements and
 * programmes, and one account per role. Runs only on an empty database, so restarting the
 * demo keeps what was done in it.
 */
import { hash } from "@node-rs/argon2";
import { academicYearOf } from "../lib/academic-year.ts"; // housing block (issue 4)
import { argon2Options } from "../lib/auth/argon2-options.ts";
import type { PrismaClient, StudyLevel, TeachingLanguage } from "../lib/generated/prisma/client.ts";
import { defaultReleaseDate } from "../lib/housing/rounds/rules.ts"; // housing block (issue 4)
import { seedAmiRates } from "./seed-ami.ts";
import { seedArrivalReferenceData } from "./seed-arrival.ts";
import { seedCalls } from "./seed-calls.ts";
import { seedWelcomeDesks, upcomingWelcomeDeskYear } from "./seed-welcome-desks.ts";

/** The demo accounts' password, documented in the README. */
export const demoPassword = "Portail-Demo-2026!";

export const demoAccounts = {
  admin: { email: "admin@amu.example.org", name: "Claire Martin", role: "ADMIN" },
  sciences: { email: "ri.sciences@amu.example.org", name: "Julien Moreau", role: "CORRESPONDENT" },
  law: { email: "ri.droit@amu.example.org", name: "Amina Benali", role: "CORRESPONDENT" },
  student: { email: "student@example.org", name: "Lukas Schneider", role: "STUDENT" },
  // An AMU student going abroad, for the mobility grant (issue 19).
  amuStudent: { email: "lea.garnier@etu.univ-amu.fr", name: "Léa Garnier", role: "AMU_STUDENT" },
} as const;

const components = [
  {
    code: "SCIENCES",
    nameFr: "Faculté des sciences",
    nameEn: "Faculty of Sciences",
    // R-MSG-1: an example of the office hours an administrator publishes.
    officeHoursFr: "Du lundi au jeudi, 9 h – 12 h, campus Saint-Charles, bâtiment 1, bureau 104.",
    officeHoursEn: "Monday to Thursday, 9:00–12:00, Saint-Charles campus, building 1, office 104.",
  },
  {
    code: "MEDICINE",
    nameFr: "Faculté des sciences médicales et paramédicales",
    nameEn: "Faculty of Medical and Paramedical Sciences",
  },
  { code: "ECONOMICS", nameFr: "Faculté d'économie et de gestion", nameEn: "Faculty of Economics and Management" },
  {
    code: "ALLSH",
    nameFr: "Faculté des arts, lettres, langues et sciences humaines",
    nameEn: "Faculty of Arts, Letters, Languages and Humanities",
  },
  { code: "LAW", nameFr: "Faculté de droit et de science politique", nameEn: "Faculty of Law and Political Science" },
  {
    code: "POLYTECH",
    nameFr: "Polytech Marseille (école d'ingénieurs)",
    nameEn: "Polytech Marseille (engineering school)",
  },
] as const;

type ComponentCode = (typeof components)[number]["code"];
const allComponents = components.map((component) => component.code);

interface SeedAgreement {
  /** A kind's code (R-PAR-1): the migration that made kinds data recorded the six AMU signs. */
  kind: "ERASMUS_PLUS" | "ERASMUS_MUNDUS" | "BCI_QUEBEC" | "BILATERAL" | "DOUBLE_DEGREE" | "STRATEGIC_PARTNERSHIP";
  components: readonly ComponentCode[];
  levels: StudyLevel[];
  years: [number, number];
  seats: number;
}

const partners: {
  name: string;
  country: string;
  city: string;
  erasmusCode?: string;
  networks?: string[];
  agreements: SeedAgreement[];
}[] = [
  {
    name: "Karlsruhe Institute of Technology",
    country: "DE",
    city: "Karlsruhe",
    erasmusCode: "D KARLSRU01",
    agreements: [
      { kind: "ERASMUS_MUNDUS", components: ["SCIENCES"], levels: ["MASTER"], years: [2022, 2028], seats: 6 },
      {
        kind: "ERASMUS_PLUS",
        components: ["SCIENCES", "POLYTECH"],
        levels: ["BACHELOR", "MASTER"],
        years: [2021, 2027],
        seats: 6,
      },
    ],
  },
  {
    name: "Universitat de Barcelona",
    country: "ES",
    city: "Barcelona",
    erasmusCode: "E BARCELO01",
    networks: ["Coimbra Group", "UNIMED"],
    agreements: [
      {
        kind: "STRATEGIC_PARTNERSHIP",
        components: allComponents,
        levels: ["BACHELOR", "MASTER", "DOCTORATE"],
        years: [2021, 2029],
        seats: 12,
      },
      { kind: "ERASMUS_MUNDUS", components: ["SCIENCES"], levels: ["MASTER"], years: [2022, 2028], seats: 4 },
    ],
  },
  {
    name: "Tampere University",
    country: "FI",
    city: "Tampere",
    erasmusCode: "SF TAMPERE17",
    agreements: [
      { kind: "ERASMUS_MUNDUS", components: ["SCIENCES"], levels: ["MASTER"], years: [2022, 2028], seats: 3 },
    ],
  },
  {
    name: "Vilnius University",
    country: "LT",
    city: "Vilnius",
    erasmusCode: "LT VILNIUS01",
    agreements: [
      { kind: "ERASMUS_MUNDUS", components: ["SCIENCES"], levels: ["MASTER"], years: [2022, 2028], seats: 3 },
      {
        kind: "ERASMUS_PLUS",
        components: ["ECONOMICS", "ALLSH"],
        levels: ["BACHELOR", "MASTER"],
        years: [2021, 2027],
        seats: 4,
      },
    ],
  },
  {
    name: "Heidelberg University",
    country: "DE",
    city: "Heidelberg",
    erasmusCode: "D HEIDELB01",
    networks: ["Coimbra Group", "EUA"],
    agreements: [
      {
        kind: "STRATEGIC_PARTNERSHIP",
        components: allComponents,
        levels: ["BACHELOR", "MASTER", "DOCTORATE"],
        years: [2021, 2029],
        seats: 10,
      },
    ],
  },
  {
    name: "Université de Sherbrooke",
    country: "CA",
    city: "Sherbrooke",
    networks: ["AUF"],
    agreements: [
      {
        kind: "BCI_QUEBEC",
        components: ["LAW", "ECONOMICS", "ALLSH"],
        levels: ["BACHELOR", "MASTER"],
        years: [2023, 2027],
        seats: 5,
      },
    ],
  },
  {
    name: "Wuhan University of Technology",
    country: "CN",
    city: "Wuhan",
    agreements: [
      {
        kind: "DOUBLE_DEGREE",
        components: ["SCIENCES", "MEDICINE"],
        levels: ["BACHELOR", "MASTER"],
        years: [2021, 2030],
        seats: 170,
      },
    ],
  },
  {
    name: "Alma Mater Studiorum – Università di Bologna",
    country: "IT",
    city: "Bologna",
    erasmusCode: "I BOLOGNA01",
    networks: ["Coimbra Group", "UNIMED"],
    agreements: [
      {
        kind: "ERASMUS_PLUS",
        components: ["ALLSH", "LAW"],
        levels: ["BACHELOR", "MASTER"],
        years: [2021, 2027],
        seats: 8,
      },
    ],
  },
  {
    name: "Universidade de Coimbra",
    country: "PT",
    city: "Coimbra",
    erasmusCode: "P COIMBRA01",
    networks: ["Coimbra Group"],
    agreements: [
      {
        kind: "ERASMUS_PLUS",
        components: ["MEDICINE", "ALLSH"],
        levels: ["BACHELOR", "MASTER"],
        years: [2022, 2028],
        seats: 4,
      },
    ],
  },
  {
    name: "Université Saint-Joseph de Beyrouth",
    country: "LB",
    city: "Beirut",
    networks: ["AUF", "UNIMED"],
    agreements: [
      { kind: "BILATERAL", components: ["ECONOMICS", "LAW"], levels: ["MASTER"], years: [2024, 2028], seats: 3 },
    ],
  },
  // An agreement that has expired: applications from here are refused (R-ELI-1).
  {
    name: "Wageningen University & Research",
    country: "NL",
    city: "Wageningen",
    erasmusCode: "NL WAGENIN01",
    agreements: [{ kind: "ERASMUS_PLUS", components: ["SCIENCES"], levels: ["MASTER"], years: [2019, 2024], seats: 2 }],
  },
  // No agreement at all: a partner of the region's network, not of AMU's exchanges.
  { name: "University of California, Davis", country: "US", city: "Davis", agreements: [] },
];

const programmes: {
  component: ComponentCode;
  nameFr: string;
  nameEn: string;
  level: StudyLevel;
  teachingLanguage: TeachingLanguage;
  doubleDegree?: { partner: string; yearlyCapacity: number };
  /** R-ELI-7: taught on the partner's premises. */
  offshore?: { partner: string };
}[] = [
  {
    component: "SCIENCES",
    nameFr: "Master Europhotonics (Erasmus Mundus)",
    nameEn: "Europhotonics Master (Erasmus Mundus)",
    level: "MASTER",
    teachingLanguage: "ENGLISH",
  },
  {
    component: "SCIENCES",
    nameFr: "Licence Sciences de la vie",
    nameEn: "Bachelor in Life Sciences",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
  },
  {
    component: "SCIENCES",
    nameFr: "Double licence Sciences de la vie WUT-AMU",
    nameEn: "WUT-AMU double bachelor in Life Sciences",
    level: "BACHELOR",
    teachingLanguage: "FRENCH_CHINESE",
    doubleDegree: { partner: "Wuhan University of Technology", yearlyCapacity: 150 },
  },
  {
    component: "MEDICINE",
    nameFr: "Double master Microbiologie et biologie de la santé WUT-AMU",
    nameEn: "WUT-AMU double master in Microbiology and Health Biology",
    level: "MASTER",
    teachingLanguage: "FRENCH_CHINESE",
    doubleDegree: { partner: "Wuhan University of Technology", yearlyCapacity: 20 },
  },
  {
    component: "MEDICINE",
    nameFr: "Master Santé publique",
    nameEn: "Master in Public Health",
    level: "MASTER",
    teachingLanguage: "FRENCH",
  },
  {
    component: "ECONOMICS",
    nameFr: "Licence Économie et gestion",
    nameEn: "Bachelor in Economics and Management",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
  },
  {
    component: "ECONOMICS",
    nameFr: "Master International Business",
    nameEn: "Master in International Business",
    level: "MASTER",
    teachingLanguage: "ENGLISH",
  },
  {
    component: "ALLSH",
    nameFr: "Licence Lettres modernes",
    nameEn: "Bachelor in Modern Literature",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
  },
  {
    component: "ALLSH",
    nameFr: "Master Français langue étrangère",
    nameEn: "Master in French as a Foreign Language",
    level: "MASTER",
    teachingLanguage: "FRENCH",
  },
  {
    component: "LAW",
    nameFr: "Licence Droit",
    nameEn: "Bachelor in Law",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
  },
  {
    component: "LAW",
    nameFr: "Master Droit européen",
    nameEn: "Master in European Law",
    level: "MASTER",
    teachingLanguage: "FRENCH_ENGLISH",
  },
  {
    component: "POLYTECH",
    nameFr: "Diplôme d'ingénieur Génie mécanique",
    nameEn: "Engineering degree in Mechanical Engineering",
    level: "MASTER",
    teachingLanguage: "FRENCH",
  },
  {
    component: "ECONOMICS",
    nameFr: "Licence Économie et gestion délocalisée à l'Université Saint-Joseph de Beyrouth",
    nameEn: "Bachelor in Economics and Management delivered at Université Saint-Joseph, Beirut",
    level: "BACHELOR",
    teachingLanguage: "FRENCH",
    offshore: { partner: "Université Saint-Joseph de Beyrouth" },
  },
];

/** R-ELI-7: the DRI contacts (PortalSetting keys, see lib/settings/schemas.ts). */
const settings = [
  { key: "dri.cooperation.email", value: "cooperation-dri@amu.example.org" },
  { key: "dri.incoming.email", value: "incoming-dri@amu.example.org" },
];

const correspondentComponents: Record<"sciences" | "law", ComponentCode[]> = {
  sciences: ["SCIENCES", "POLYTECH"],
  law: ["LAW"],
};

/** Seeds an empty database; returns false (and changes nothing) when it already has data. */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.component.count()) > 0) return false;
  const passwordHash = await hash(demoPassword, argon2Options);
  await prisma.$transaction(
    async (tx) => {
      const componentIds = new Map<string, string>();
      for (const component of components) {
        const { id } = await tx.component.create({ data: component, select: { id: true } });
        componentIds.set(component.code, id);
      }
      const connect = (codes: readonly ComponentCode[]) => codes.map((code) => ({ id: componentIds.get(code)! }));

      const partnerIds = new Map<string, string>();
      for (const { agreements, networks = [], ...partner } of partners) {
        const { id } = await tx.partnerInstitution.create({
          data: {
            ...partner,
            networks: { connectOrCreate: networks.map((name) => ({ where: { name }, create: { name } })) },
            agreements: {
              create: agreements.map((agreement) => ({
                kind: agreement.kind,
                studyLevels: agreement.levels,
                firstAcademicYear: agreement.years[0],
                lastAcademicYear: agreement.years[1],
                incomingSeatsPerYear: agreement.seats,
                components: { connect: connect(agreement.components) },
              })),
            },
          },
          select: { id: true },
        });
        partnerIds.set(partner.name, id);
      }

      for (const { component, doubleDegree, offshore, ...programme } of programmes) {
        const partner = doubleDegree?.partner ?? offshore?.partner;
        await tx.programme.create({
          data: {
            ...programme,
            componentId: componentIds.get(component)!,
            doubleDegree: Boolean(doubleDegree),
            offshore: Boolean(offshore),
            yearlyCapacity: doubleDegree?.yearlyCapacity,
            partnerId: partner ? partnerIds.get(partner) : undefined,
          },
        });
      }

      // ---------------------------------------------------------------------------------------
      // Housing (issue 4, R-HOU-1, R-HOU-3): the CROUS residences, their rooms for the current
      // and the next academic year, and the release rounds of those years (default dates).
      {
        const thisYear = academicYearOf(new Date());
        const residences = [
          {
            name: "Résidence Les Gazelles",
            city: "AIX",
            address: "Avenue Jules Ferry, 13100 Aix-en-Provence",
            rooms: { S1: 12, S2: 6 },
          },
          {
            name: "Résidence Cuques",
            city: "AIX",
            address: "Allée des Cuques, 13100 Aix-en-Provence",
            rooms: { S1: 8, S2: 4 },
          },
          {
            name: "Résidence Luminy",
            city: "MARSEILLE",
            address: "Avenue de Luminy, 13009 Marseille",
            rooms: { S1: 10, S2: 5 },
          },
          {
            name: "Résidence Saint-Jérôme",
            city: "MARSEILLE",
            address: "Avenue de Saint-Jérôme, 13013 Marseille",
            rooms: { S1: 6, S2: 3 },
          },
          {
            name: "Résidence Saint-Charles",
            city: "MARSEILLE",
            address: "Boulevard Saint-Charles, 13003 Marseille",
            rooms: { S1: 4, S2: 2 },
          },
        ] as const;
        const years = [thisYear, thisYear + 1];
        for (const { rooms, ...residence } of residences) {
          await tx.residence.create({
            data: {
              ...residence,
              capacities: {
                create: years.flatMap((academicYear) =>
                  (["S1", "S2"] as const).map((semester) => ({ academicYear, semester, rooms: rooms[semester] })),
                ),
              },
            },
          });
        }
        await tx.housingRound.createMany({
          data: years.flatMap((academicYear) =>
            (["S1", "S2"] as const).map((semester) => ({
              academicYear,
              semester,
              releaseAt: defaultReleaseDate(academicYear, semester),
              policy: "FIRST_COME" as const,
            })),
          ),
        });
      }
      // End of the housing block.
      // ---------------------------------------------------------------------------------------

      for (const setting of settings) await tx.portalSetting.create({ data: setting });

      for (const [key, account] of Object.entries(demoAccounts)) {
        const codes =
          key in correspondentComponents ? correspondentComponents[key as keyof typeof correspondentComponents] : [];
        await tx.user.create({
          data: {
            ...account,
            locale: "fr",
            passwordHash,
            emailVerifiedAt: new Date(),
            components: { connect: connect(codes) },
          },
        });
      }
      // All or nothing, however slow the machine: the default 5 s expired on a loaded CI host.
    },
    { timeout: 120_000 },
  );
  // Arrival (issue 5, R-VIS-1…6): the residence-permit procedures, their fees and the
  // visa-exempt nationalities, for the current and the next academic year.
  const thisYear = academicYearOf(new Date());
  await seedArrivalReferenceData(prisma, [thisYear, thisYear + 1]);
  // The mobility grant's 2024-2025 figures (issue 19, R-AMI-2).
  await seedAmiRates(prisma);
  // Calls for applications (R-ELI-8, issue 13): this year's and next year's.
  await seedCalls(prisma, thisYear);
  // The welcome desks (R-VIS-5): Marseille's period and slots of the next welcome season.
  await seedWelcomeDesks(prisma, upcomingWelcomeDeskYear(new Date()));
  return true;
}
