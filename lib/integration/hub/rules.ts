import type {
  ApplicationStatus,
  HousingStatus,
  InsuranceStatus,
  IntegrationSignupStatus,
} from "@/lib/generated/prisma/enums";

/**
 * The student's arrival hub (issue 16): every step across the features, in the order the
 * student meets them, each with where to act, its state and its date. Pure: the facts come
 * from lib/integration/hub/queries.ts.
 */

export type StepState = "done" | "todo" | "waiting" | "notNeeded" | "later";
export type StepKey =
  | "application"
  | "housing"
  | "insurance"
  | "residencePermit"
  | "welcomeDesk"
  | "integrationWeek"
  | "mentor"
  | "sponsor";

export type StepDetail =
  | { key: "applicationAccepted"; date: Date }
  | { key: "applicationPending" }
  | { key: "housingRequested" }
  | { key: "housingNone" }
  | { key: "insuranceApproved" }
  | { key: "insuranceTodo" }
  | { key: "permitDone" }
  | { key: "permitTodo" }
  | { key: "permitNotNeeded" }
  | { key: "welcomeDeskBooked"; date: Date }
  | { key: "welcomeDeskTodo" }
  | { key: "weekConfirmed"; date: Date }
  | { key: "weekWaitlisted" }
  | { key: "weekTodo" }
  | { key: "mentorAssigned"; name: string }
  | { key: "mentorWaiting" }
  | { key: "sponsorMatched"; name: string }
  | { key: "sponsorWaiting" }
  | { key: "sponsorOptional" };

export interface HubStep {
  key: StepKey;
  state: StepState;
  href: "/dossier" | "/dossier/housing" | "/dossier/arrival" | "/dossier/welcome-desk" | "/dossier/integration";
  detail: StepDetail;
}

export interface HubFacts {
  status: ApplicationStatus;
  decidedAt: Date | null;
  housingRequested: boolean | null;
  housingStatus: HousingStatus | null;
  insuranceStatus: InsuranceStatus;
  permitApplies: boolean;
  permitDone: boolean;
  welcomeDeskAt: Date | null;
  integrationWeek: { status: IntegrationSignupStatus; startsOn: Date } | null;
  mentorName: string | null;
  sponsor: { optedIn: boolean; name: string | null };
}

/** The hub's lines, in the order the student meets them (before they come, then on arrival). */
export function arrivalHubSteps(facts: HubFacts): HubStep[] {
  const accepted = facts.status === "ACCEPTED";
  const later = (state: StepState): StepState => (accepted ? state : "later");
  const week = facts.integrationWeek;
  return [
    {
      key: "application",
      href: "/dossier",
      state: accepted ? "done" : "waiting",
      detail:
        accepted && facts.decidedAt
          ? { key: "applicationAccepted", date: facts.decidedAt }
          : { key: "applicationPending" },
    },
    {
      key: "housing",
      href: "/dossier/housing",
      state: later(!facts.housingRequested ? "notNeeded" : facts.housingStatus === "ACCEPTED" ? "done" : "waiting"),
      detail: facts.housingRequested ? { key: "housingRequested" } : { key: "housingNone" },
    },
    {
      key: "insurance",
      href: "/dossier/housing",
      state: later(
        facts.insuranceStatus === "APPROVED" ? "done" : facts.insuranceStatus === "SUBMITTED" ? "waiting" : "todo",
      ),
      detail: facts.insuranceStatus === "APPROVED" ? { key: "insuranceApproved" } : { key: "insuranceTodo" },
    },
    {
      key: "integrationWeek",
      href: "/dossier/integration",
      state: later(!week ? "todo" : week.status === "CONFIRMED" ? "done" : "waiting"),
      detail: !week
        ? { key: "weekTodo" }
        : week.status === "CONFIRMED"
          ? { key: "weekConfirmed", date: week.startsOn }
          : { key: "weekWaitlisted" },
    },
    {
      key: "mentor",
      href: "/dossier/integration",
      state: later(facts.mentorName ? "done" : "waiting"),
      detail: facts.mentorName ? { key: "mentorAssigned", name: facts.mentorName } : { key: "mentorWaiting" },
    },
    {
      key: "sponsor",
      href: "/dossier/integration",
      state: later(facts.sponsor.name ? "done" : facts.sponsor.optedIn ? "waiting" : "todo"),
      detail: facts.sponsor.name
        ? { key: "sponsorMatched", name: facts.sponsor.name }
        : facts.sponsor.optedIn
          ? { key: "sponsorWaiting" }
          : { key: "sponsorOptional" },
    },
    {
      key: "welcomeDesk",
      href: "/dossier/welcome-desk",
      state: later(facts.welcomeDeskAt ? "done" : "todo"),
      detail: facts.welcomeDeskAt
        ? { key: "welcomeDeskBooked", date: facts.welcomeDeskAt }
        : { key: "welcomeDeskTodo" },
    },
    {
      key: "residencePermit",
      href: "/dossier/arrival",
      state: later(!facts.permitApplies ? "notNeeded" : facts.permitDone ? "done" : "todo"),
      detail: !facts.permitApplies
        ? { key: "permitNotNeeded" }
        : facts.permitDone
          ? { key: "permitDone" }
          : { key: "permitTodo" },
    },
  ];
}
