import { describe, expect, it } from "vitest";
import { isNonEuropean } from "@/lib/arrival/rules";
import { parisDay, parisInstant } from "@/lib/paris-time";
import {
  bookedDaysLeftOut,
  buildIcs,
  type DeskHours,
  escapeIcsText,
  foldIcsLine,
  groupSlotsByParisDay,
  isDeskAnnounced,
  isSlotBookable,
  overlappingPeriod,
  periodOfDay,
  periodsBeforeDeadline,
  planSlots,
} from "@/lib/welcome-desk/rules";
import {
  ZCreateWelcomeDeskPeriod,
  ZGenerateWelcomeDeskSlots,
  ZUpdateWelcomeDesk,
  ZUpdateWelcomeDeskPeriod,
} from "@/lib/welcome-desk/schemas";

const desk: DeskHours = {
  opensOn: "2026-08-31",
  closesOn: "2026-10-30",
  dailyOpensAt: "09:00",
  dailyClosesAt: "16:00",
};
const iso = (slots: { startsAt: Date; endsAt: Date }[]) =>
  slots.map((slot) => `${slot.startsAt.toISOString()}/${slot.endsAt.toISOString()}`);

describe("R-VIS-5: Paris wall-clock times to instants (parisInstant)", () => {
  it.each([
    // Summer time (UTC+2), winter time (UTC+1), and both sides of each change.
    ["2026-08-31", "09:00", "2026-08-31T07:00:00.000Z"],
    ["2026-01-15", "09:00", "2026-01-15T08:00:00.000Z"],
    ["2026-03-28", "09:00", "2026-03-28T08:00:00.000Z"],
    ["2026-03-29", "09:00", "2026-03-29T07:00:00.000Z"],
    ["2026-10-24", "09:00", "2026-10-24T07:00:00.000Z"],
    ["2026-10-25", "09:00", "2026-10-25T08:00:00.000Z"],
    ["2026-10-25", "00:30", "2026-10-24T22:30:00.000Z"],
    ["2026-12-31", "23:30", "2026-12-31T22:30:00.000Z"],
  ])("%s %s in Paris → %s", (day, time, instant) => {
    expect(parisInstant(day, time).toISOString()).toBe(instant);
  });

  it.each([
    ["2026-10-24T22:30:00.000Z", "2026-10-25"],
    ["2026-12-31T23:30:00.000Z", "2027-01-01"],
    ["2026-08-31T21:59:00.000Z", "2026-08-31"],
    ["2026-08-31T22:00:00.000Z", "2026-09-01"],
  ])("the Paris day of %s is %s", (instant, day) => {
    expect(parisDay(new Date(instant))).toBe(day);
  });
});

describe("R-VIS-5: slots from the desk's period and hours (planSlots)", () => {
  const plan = { slotMinutes: 60, capacity: 4, weekdaysOnly: false };
  const hours = { ...desk, dailyOpensAt: "09:00", dailyClosesAt: "11:00" };

  it.each<[string, DeskHours, Parameters<typeof planSlots>[1], string[]]>([
    [
      "the day the clocks go back (last Sunday of October): 9:00 Paris is 8:00 UTC, the day before 7:00 UTC",
      hours,
      { ...plan, from: "2026-10-24", to: "2026-10-26" },
      [
        "2026-10-24T07:00:00.000Z/2026-10-24T08:00:00.000Z",
        "2026-10-24T08:00:00.000Z/2026-10-24T09:00:00.000Z",
        "2026-10-25T08:00:00.000Z/2026-10-25T09:00:00.000Z",
        "2026-10-25T09:00:00.000Z/2026-10-25T10:00:00.000Z",
        "2026-10-26T08:00:00.000Z/2026-10-26T09:00:00.000Z",
        "2026-10-26T09:00:00.000Z/2026-10-26T10:00:00.000Z",
      ],
    ],
    [
      "a slot spanning the change of time (1:00 to 4:00 Paris on 25 October lasts 4 hours of UTC)",
      { ...desk, opensOn: "2026-10-25", closesOn: "2026-10-25", dailyOpensAt: "01:00", dailyClosesAt: "04:00" },
      { ...plan, slotMinutes: 180, from: "2026-10-25", to: "2026-10-25" },
      ["2026-10-24T23:00:00.000Z/2026-10-25T03:00:00.000Z"],
    ],
    [
      "month ends: 31 August to 1 September, and 30 September to 1 October",
      { ...hours, dailyClosesAt: "10:00" },
      { ...plan, from: "2026-08-31", to: "2026-09-01" },
      ["2026-08-31T07:00:00.000Z/2026-08-31T08:00:00.000Z", "2026-09-01T07:00:00.000Z/2026-09-01T08:00:00.000Z"],
    ],
    [
      "30 September to 1 October",
      { ...hours, dailyClosesAt: "10:00" },
      { ...plan, from: "2026-09-30", to: "2026-10-01" },
      ["2026-09-30T07:00:00.000Z/2026-09-30T08:00:00.000Z", "2026-10-01T07:00:00.000Z/2026-10-01T08:00:00.000Z"],
    ],
    [
      "only the days within the desk's period (the range starts before it)",
      { ...hours, dailyClosesAt: "10:00" },
      { ...plan, from: "2026-08-28", to: "2026-08-31" },
      ["2026-08-31T07:00:00.000Z/2026-08-31T08:00:00.000Z"],
    ],
    [
      "Monday to Friday only: the weekend of 5–6 September is skipped",
      { ...hours, dailyClosesAt: "10:00" },
      { ...plan, weekdaysOnly: true, from: "2026-09-04", to: "2026-09-07" },
      ["2026-09-04T07:00:00.000Z/2026-09-04T08:00:00.000Z", "2026-09-07T07:00:00.000Z/2026-09-07T08:00:00.000Z"],
    ],
    [
      "the last slot ends by the closing time (45 minutes from 9:00 to 11:00: two slots)",
      hours,
      { ...plan, slotMinutes: 45, from: "2026-09-01", to: "2026-09-01" },
      ["2026-09-01T07:00:00.000Z/2026-09-01T07:45:00.000Z", "2026-09-01T07:45:00.000Z/2026-09-01T08:30:00.000Z"],
    ],
    [
      "slots starting before `after` are left out",
      hours,
      { ...plan, from: "2026-09-01", to: "2026-09-01", after: new Date("2026-09-01T07:30:00Z") },
      ["2026-09-01T08:00:00.000Z/2026-09-01T09:00:00.000Z"],
    ],
    [
      "a desk to be announced has no slot",
      { ...hours, opensOn: null, closesOn: null },
      { ...plan, from: "2026-09-01", to: "2026-09-30" },
      [],
    ],
    ["a range after the period has no slot", hours, { ...plan, from: "2026-11-02", to: "2026-11-30" }, []],
  ])("%s", (_case, hoursOfDesk, slotPlan, expected) => {
    expect(iso(planSlots(hoursOfDesk, slotPlan))).toEqual(expected);
  });

  it("the seed's day: 9:00 to 16:00 in 30 minutes is 14 slots, each with the capacity", () => {
    const slots = planSlots(desk, {
      from: "2026-09-01",
      to: "2026-09-01",
      slotMinutes: 30,
      capacity: 4,
      weekdaysOnly: true,
    });
    expect(slots).toHaveLength(14);
    expect(slots.every((slot) => slot.capacity === 4)).toBe(true);
    expect(slots.at(-1)!.endsAt.toISOString()).toBe("2026-09-01T14:00:00.000Z");
  });
});

describe("R-VIS-5: a slot is bookable while future and not full (isSlotBookable)", () => {
  const now = new Date("2026-09-01T08:00:00Z");
  it.each([
    ["future, places left", "2026-09-01T09:00:00Z", 4, 3, true],
    ["future, full", "2026-09-01T09:00:00Z", 4, 4, false],
    ["starting now", "2026-09-01T08:00:00Z", 4, 0, false],
    ["past", "2026-09-01T07:00:00Z", 4, 0, false],
  ] as const)("%s → %s", (_case, startsAt, capacity, booked, bookable) => {
    expect(isSlotBookable({ startsAt: new Date(startsAt), capacity, booked }, now)).toBe(bookable);
  });
});

describe("R-VIS-5: compulsory for newcomers from outside Europe (isNonEuropean)", () => {
  const europe = ["DE", "FR", "IT", "NO", "IS", "LI", "CH"];
  it.each<[string | null, readonly string[] | null, boolean]>([
    ["DE", europe, false],
    ["CH", europe, false],
    ["NO", europe, false],
    ["de", europe, false],
    ["BR", europe, true],
    ["US", europe, true],
    ["GB", europe, true],
    // Unknown nationality, or no list: the notice shows.
    [null, europe, true],
    ["DE", null, true],
  ])("nationality %s, list %o → %s", (nationality, list, compulsory) => {
    expect(isNonEuropean(nationality, list)).toBe(compulsory);
  });

  it.each([
    [{ placeName: "Espace Pouillon", periods: [{}] }, true],
    [{ placeName: "Espace Pouillon", periods: [{}, {}] }, true],
    [{ placeName: null, periods: [{}] }, false],
    [{ placeName: "Espace Pouillon", periods: [] }, false],
  ])("announced: %o → %s", (one, announced) => {
    expect(isDeskAnnounced(one)).toBe(announced);
  });
});

describe("RFC 5545: the visit's calendar file", () => {
  it.each([
    ["Espace Pouillon, 3 place Victor Hugo", "Espace Pouillon\\, 3 place Victor Hugo"],
    ["a; b", "a\\; b"],
    ["back\\slash", "back\\\\slash"],
    ["line\nbreak\r\nand\rmore", "line\\nbreak\\nand\\nmore"],
    ["plain", "plain"],
  ])("escapes %j as %j", (text, escaped) => {
    expect(escapeIcsText(text)).toBe(escaped);
  });

  it.each([
    ["short line", "x".repeat(75), ["x".repeat(75)]],
    ["76 octets: one continuation", "x".repeat(76), ["x".repeat(75), ` x`]],
    ["150 octets", "x".repeat(150), ["x".repeat(75), ` ${"x".repeat(74)}`, " x"]],
    ["a two-octet character is never cut", `${"x".repeat(74)}é`, ["x".repeat(74), " é"]],
  ])("folds at 75 octets: %s", (_case, line, expected) => {
    const folded = foldIcsLine(line);
    expect(folded.split("\r\n")).toEqual(expected);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it("has CRLF line endings only, UTC times, a UID and a DTSTAMP", () => {
    const ics = buildIcs({
      uid: "welcome-desk-1@example.org",
      stamp: new Date("2026-08-01T10:00:00Z"),
      startsAt: parisInstant("2026-10-26", "09:00"),
      endsAt: parisInstant("2026-10-26", "09:30"),
      summary: "Welcome desk – Aix-Marseille University",
      location: "Espace Pouillon, 3 place Victor Hugo",
      description: `Bring your passport; OFII file.\n${"Long text ".repeat(20)}`,
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    expect(unfolded).toContain("UID:welcome-desk-1@example.org\r\n");
    expect(unfolded).toContain("DTSTAMP:20260801T100000Z\r\n");
    expect(unfolded).toContain("DTSTART:20261026T080000Z\r\n");
    expect(unfolded).toContain("DTEND:20261026T083000Z\r\n");
    expect(unfolded).toContain("LOCATION:Espace Pouillon\\, 3 place Victor Hugo\r\n");
    expect(unfolded).toContain("DESCRIPTION:Bring your passport\\; OFII file.\\nLong text ");
    expect(unfolded).toContain("END:VEVENT\r\nEND:VCALENDAR\r\n");
  });
});

describe("R-VIS-5, R-VIS-7: the admin's desk, period and slot forms (schemas)", () => {
  const id = "7d3c4a52-8f7e-4b5a-9a51-2d1f1c2b3a4e";
  const deskForm = { id, placeName: " Espace  Pouillon ", address: "" };

  it("keeps a valid desk, empty fields as none (to be announced)", () => {
    expect(ZUpdateWelcomeDesk.parse(deskForm)).toEqual({ id, placeName: "Espace Pouillon", address: null });
    expect(ZUpdateWelcomeDesk.parse({ ...deskForm, placeName: "" })).toMatchObject({ placeName: null });
  });

  it("refuses what the place form does not have (the period is its own form now)", () => {
    const result = ZUpdateWelcomeDesk.safeParse({ ...deskForm, opensOn: "2026-08-31" });
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  const periodForm = {
    periodId: id,
    label: " Spring  intake ",
    opensOn: "2027-01-04",
    closesOn: "2027-01-29",
    dailyOpensAt: "09:00",
    dailyClosesAt: "16:00",
  };

  it("R-VIS-7: keeps a valid period (name trimmed, an empty name is none), new or changed", () => {
    expect(ZUpdateWelcomeDeskPeriod.parse(periodForm)).toEqual({ ...periodForm, label: "Spring intake" });
    const { periodId: _id, ...fields } = periodForm;
    expect(ZCreateWelcomeDeskPeriod.parse({ ...fields, deskId: id, label: "" })).toEqual({
      ...fields,
      deskId: id,
      label: null,
    });
  });

  it.each([
    ["R-VIS-7: the last day before the first", { closesOn: "2027-01-03" }, "closesOn", "welcomeDeskPeriodOrder"],
    ["R-VIS-7: one day is a period", { closesOn: "2027-01-04" }, "", "valid"],
    ["R-VIS-7: longer than 120 days", { closesOn: "2027-05-04" }, "closesOn", "welcomeDeskPeriodTooLong"],
    ["R-VIS-7: exactly 120 days", { closesOn: "2027-05-03" }, "", "valid"],
    ["a day that does not exist", { opensOn: "2027-02-30" }, "opensOn", "dateInvalid"],
    ["no first day", { opensOn: "" }, "opensOn", "required"],
    ["no last day", { closesOn: "" }, "closesOn", "required"],
    ["hours not HH:MM", { dailyOpensAt: "9h" }, "dailyOpensAt", "welcomeDeskTimeInvalid"],
    ["hour 24", { dailyClosesAt: "24:00" }, "dailyClosesAt", "welcomeDeskTimeInvalid"],
    ["closing before opening", { dailyClosesAt: "08:00" }, "dailyClosesAt", "welcomeDeskHoursOrder"],
    ["closing at opening", { dailyClosesAt: "09:00" }, "dailyClosesAt", "welcomeDeskHoursOrder"],
    ["a name too long", { label: "x".repeat(81) }, "label", "tooLong"],
    ["an unknown field", { extra: "x" }, "", "unrecognized_keys"],
  ])("%s: %o → %s %s", (_case, change, path, message) => {
    const result = ZUpdateWelcomeDeskPeriod.safeParse({ ...periodForm, ...change });
    if (message === "valid") {
      expect(result.success).toBe(true);
      return;
    }
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((one) => one.path.join(".") === path);
    expect(issue?.code === "unrecognized_keys" ? "unrecognized_keys" : issue?.message).toBe(message);
  });

  const generateForm = {
    periodId: id,
    from: "2026-08-31",
    to: "2026-10-02",
    slotMinutes: "30",
    capacity: "4",
    weekdaysOnly: "on",
  };

  it("reads the generation form (numbers, ticked box; an unticked box is false)", () => {
    expect(ZGenerateWelcomeDeskSlots.parse(generateForm)).toEqual({
      ...generateForm,
      slotMinutes: 30,
      capacity: 4,
      weekdaysOnly: true,
    });
    const { weekdaysOnly: _unticked, ...rest } = generateForm;
    expect(ZGenerateWelcomeDeskSlots.parse(rest).weekdaysOnly).toBe(false);
  });

  it.each([
    [{ to: "2026-08-30" }, "to", "welcomeDeskPeriodOrder"],
    [{ to: "2027-08-30" }, "to", "welcomeDeskRangeTooLong"],
    [{ slotMinutes: "3" }, "slotMinutes", "welcomeDeskSlotMinutesInvalid"],
    [{ capacity: "0" }, "capacity", "welcomeDeskCapacityInvalid"],
    [{ from: "" }, "from", "required"],
  ])("refuses %o on %s (%s)", (change, path, message) => {
    const result = ZGenerateWelcomeDeskSlots.safeParse({ ...generateForm, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path.join(".") === path)?.message).toBe(message);
  });
});

describe("R-VIS-7: opening periods never overlap (overlappingPeriod)", () => {
  const autumn = { id: "autumn", opensOn: "2026-08-31", closesOn: "2026-10-02" };
  const spring = { id: "spring", opensOn: "2027-01-04", closesOn: "2027-01-29" };
  it.each<[string, { id?: string; opensOn: string; closesOn: string }, string | null]>([
    ["a February period after the spring one", { opensOn: "2027-02-01", closesOn: "2027-02-26" }, null],
    ["a new period on the spring one's days", { opensOn: "2027-01-04", closesOn: "2027-01-29" }, "spring"],
    ["inside the autumn period", { opensOn: "2026-09-10", closesOn: "2026-09-20" }, "autumn"],
    ["around the autumn period", { opensOn: "2026-08-01", closesOn: "2026-10-31" }, "autumn"],
    [
      "starting on the autumn's last day (both ends count)",
      { opensOn: "2026-10-02", closesOn: "2026-10-10" },
      "autumn",
    ],
    ["ending on the autumn's first day", { opensOn: "2026-08-20", closesOn: "2026-08-31" }, "autumn"],
    ["the day after the autumn's last", { opensOn: "2026-10-03", closesOn: "2026-10-10" }, null],
    ["the spring period itself, edited (left out by its id)", { ...spring, closesOn: "2027-02-05" }, null],
    ["the spring period stretched into the autumn one", { ...spring, opensOn: "2026-10-01" }, "autumn"],
  ])("%s → %s", (_case, candidate, clash) => {
    expect(overlappingPeriod(candidate, [autumn, spring])?.id ?? null).toBe(clash);
  });
});

describe("R-VIS-7: a period with bookings keeps them (bookedDaysLeftOut)", () => {
  const booked = ["2027-01-05", "2027-01-20", "2027-01-05"];
  it.each<[string, { opensOn: string; closesOn: string } | null, string[]]>([
    ["removed: every booked day is left out", null, ["2027-01-05", "2027-01-20"]],
    ["unchanged", { opensOn: "2027-01-04", closesOn: "2027-01-29" }, []],
    ["shrunk to the booked days exactly", { opensOn: "2027-01-05", closesOn: "2027-01-20" }, []],
    ["shrunk past the last booking", { opensOn: "2027-01-04", closesOn: "2027-01-19" }, ["2027-01-20"]],
    ["moved past the first booking", { opensOn: "2027-01-06", closesOn: "2027-01-29" }, ["2027-01-05"]],
  ])("%s → %o", (_case, kept, leftOut) => {
    expect(bookedDaysLeftOut(booked, kept)).toEqual(leftOut);
  });
});

describe("R-VIS-7: the period a day falls in (periodOfDay)", () => {
  const periods = [
    { id: "autumn", opensOn: "2026-08-31", closesOn: "2026-10-02" },
    { id: "spring", opensOn: "2027-01-04", closesOn: "2027-01-29" },
  ];
  it.each([
    ["2026-08-31", "autumn"],
    ["2026-10-02", "autumn"],
    ["2026-10-03", null],
    ["2027-01-04", "spring"],
    ["2027-01-29", "spring"],
  ])("%s → %s", (day, period) => {
    expect(periodOfDay(periods, day)?.id ?? null).toBe(period);
  });
});

describe("R-VIS-8: the periods between the arrival and the permit deadline (periodsBeforeDeadline)", () => {
  const autumn = { id: "autumn", opensOn: "2026-08-31", closesOn: "2026-10-02" };
  const spring = { id: "spring", opensOn: "2027-01-04", closesOn: "2027-01-29" };
  const nextAutumn = { id: "next", opensOn: "2027-08-30", closesOn: "2027-10-01" };
  const periods = [nextAutumn, spring, autumn];
  it.each<[string, { arrivalDay: string | null; deadlineDay: string | null; today: string }, string[]]>([
    [
      "a spring student arriving on 10 January, 3 months: the spring period only",
      { arrivalDay: "2027-01-10", deadlineDay: "2027-04-10", today: "2026-11-29" },
      ["spring"],
    ],
    [
      "an autumn student arriving on 1 September, 2 months: the autumn period",
      { arrivalDay: "2026-09-01", deadlineDay: "2026-11-01", today: "2026-08-01" },
      ["autumn"],
    ],
    [
      "arriving after the autumn period, deadline before January: none fits",
      { arrivalDay: "2026-10-10", deadlineDay: "2026-12-10", today: "2026-10-01" },
      [],
    ],
    [
      "deadline on a period's first day: it fits",
      { arrivalDay: "2026-11-04", deadlineDay: "2027-01-04", today: "2026-10-01" },
      ["spring"],
    ],
    [
      "no arrival date: every period still to come, in order",
      { arrivalDay: null, deadlineDay: null, today: "2026-11-29" },
      ["spring", "next"],
    ],
    [
      "arrived already: the periods from today",
      { arrivalDay: "2026-09-01", deadlineDay: "2026-12-01", today: "2026-10-15" },
      [],
    ],
  ])("%s", (_case, window, expected) => {
    expect(periodsBeforeDeadline(periods, window).map((period) => period.id)).toEqual(expected);
  });
});

describe("R-VIS-5: slots by Paris day for the day picker (groupSlotsByParisDay)", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const slot = (startsAt: string, capacity = 4, booked = 0) => ({ startsAt: new Date(startsAt), capacity, booked });
  it.each<[string, ReturnType<typeof slot>[], [string, number, number][]]>([
    [
      "00:30 in Paris in summer is the evening before in UTC: it is the Paris day's",
      [slot("2026-08-31T22:30:00Z"), slot("2026-09-01T07:00:00Z")],
      [["2026-09-01", 2, 8]],
    ],
    [
      "the day the clocks go back (25 October, 25 hours): 00:30 Paris is 22:30 UTC the day before, 23:30 Paris is 22:30 UTC that day",
      [slot("2026-10-24T22:30:00Z"), slot("2026-10-25T22:30:00Z"), slot("2026-10-25T12:00:00Z")],
      [["2026-10-25", 3, 12]],
    ],
    [
      "the day the clocks go forward (29 March): 23:30 UTC on the 28th is 00:30 Paris on the 29th, 22:30 UTC on the 29th is 00:30 on the 30th",
      [slot("2026-03-28T23:30:00Z"), slot("2026-03-29T22:30:00Z")],
      [
        ["2026-03-29", 1, 4],
        ["2026-03-30", 1, 4],
      ],
    ],
    [
      "places left count bookable slots only: a full slot adds none",
      [slot("2026-09-02T07:00:00Z", 4, 4), slot("2026-09-02T07:30:00Z", 4, 1)],
      [["2026-09-02", 2, 3]],
    ],
    [
      "days in order whatever the slots' order",
      [slot("2026-09-03T07:00:00Z"), slot("2026-09-02T07:00:00Z")],
      [
        ["2026-09-02", 1, 4],
        ["2026-09-03", 1, 4],
      ],
    ],
  ])("%s", (_case, slots, expected) => {
    expect(groupSlotsByParisDay(slots, now).map((day) => [day.day, day.slots.length, day.placesLeft] as const)).toEqual(
      expected,
    );
  });

  it("a past slot is listed but leaves no place", () => {
    const days = groupSlotsByParisDay([slot("2025-12-31T09:00:00Z")], now);
    expect(days).toEqual([{ day: "2025-12-31", slots: [expect.anything()], placesLeft: 0 }]);
  });
});
