import { describe, expect, it } from "vitest";
import { arrivalHubSteps, type HubFacts } from "@/lib/integration/hub/rules";

const base: HubFacts = {
  status: "ACCEPTED",
  decidedAt: new Date("2026-05-02T10:00:00Z"),
  housingRequested: true,
  housingStatus: "PENDING",
  insuranceStatus: "MISSING",
  permitApplies: true,
  permitDone: false,
  welcomeDeskAt: null,
  integrationWeek: null,
  mentorName: null,
  sponsor: { optedIn: false, name: null },
};

const states = (facts: HubFacts) => Object.fromEntries(arrivalHubSteps(facts).map((step) => [step.key, step.state]));

describe("the arrival hub: every step, in the order the student meets them", () => {
  it("lists the eight steps in order, each with its page", () => {
    expect(arrivalHubSteps(base).map((step) => [step.key, step.href])).toEqual([
      ["application", "/dossier"],
      ["housing", "/dossier/housing"],
      ["insurance", "/dossier/housing"],
      ["integrationWeek", "/dossier/integration"],
      ["mentor", "/dossier/integration"],
      ["sponsor", "/dossier/integration"],
      ["welcomeDesk", "/dossier/welcome-desk"],
      ["residencePermit", "/dossier/arrival"],
    ]);
  });

  it.each([
    [
      "before the decision everything after the application is later",
      { status: "SUBMITTED" as const },
      { application: "waiting", housing: "later", residencePermit: "later" },
    ],
    [
      "accepted, nothing done yet",
      {},
      {
        application: "done",
        housing: "waiting",
        insurance: "todo",
        integrationWeek: "todo",
        mentor: "waiting",
        sponsor: "todo",
        welcomeDesk: "todo",
        residencePermit: "todo",
      },
    ],
    [
      "no room asked, European",
      { housingRequested: false, permitApplies: false },
      { housing: "notNeeded", residencePermit: "notNeeded" },
    ],
    [
      "room given, insurance approved, permit done",
      { housingStatus: "ACCEPTED" as const, insuranceStatus: "APPROVED" as const, permitDone: true },
      { housing: "done", insurance: "done", residencePermit: "done" },
    ],
    [
      "waiting for a week seat, sponsor asked",
      {
        integrationWeek: { status: "WAITLISTED" as const, startsOn: new Date("2026-08-31") },
        sponsor: { optedIn: true, name: null },
      },
      { integrationWeek: "waiting", sponsor: "waiting" },
    ],
    [
      "seat, mentor, sponsor and desk visit",
      {
        integrationWeek: { status: "CONFIRMED" as const, startsOn: new Date("2026-08-31") },
        mentorName: "C. Martin",
        sponsor: { optedIn: true, name: "Zoé" },
        welcomeDeskAt: new Date("2026-09-02T08:00:00Z"),
      },
      { integrationWeek: "done", mentor: "done", sponsor: "done", welcomeDesk: "done" },
    ],
  ])("%s", (_case, change, expected) => {
    expect(states({ ...base, ...change })).toMatchObject(expected);
  });

  it("carries the dates and names each line shows", () => {
    const steps = arrivalHubSteps({
      ...base,
      integrationWeek: { status: "CONFIRMED", startsOn: new Date("2026-08-31") },
      mentorName: "C. Martin",
    });
    expect(steps.find((s) => s.key === "application")?.detail).toEqual({
      key: "applicationAccepted",
      date: base.decidedAt,
    });
    expect(steps.find((s) => s.key === "integrationWeek")?.detail).toEqual({
      key: "weekConfirmed",
      date: new Date("2026-08-31"),
    });
    expect(steps.find((s) => s.key === "mentor")?.detail).toEqual({ key: "mentorAssigned", name: "C. Martin" });
  });
});
