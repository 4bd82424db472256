import { describe, expect, it } from "vitest";
import { isNonEuropean } from "@/lib/arrival/rules";
import { parisDay, parisInstant } from "@/lib/paris-time";
import {
  buildIcs,
  type DeskHours,
  escapeIcsText,
  foldIcsLine,
  isDeskAnnounced,
  isSlotBookable,
  planSlots,
} from "@/lib/welcome-desk/rules";
import { ZGenerateWelcomeDeskSlots, ZUpdateWelcomeDesk } from "@/lib/welcome-desk/schemas";

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
    [{ placeName: "Espace Pouillon", opensOn: new Date(), closesOn: new Date() }, true],
    [{ placeName: null, opensOn: null, closesOn: null }, false],
    [{ placeName: "Espace Pouillon", opensOn: null, closesOn: null }, false],
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

describe("R-VIS-5: the admin's desk and slot forms (schemas)", () => {
  const id = "7d3c4a52-8f7e-4b5a-9a51-2d1f1c2b3a4e";
  const deskForm = {
    id,
    placeName: " Espace  Pouillon ",
    address: "",
    opensOn: "2026-08-31",
    closesOn: "2026-10-02",
    dailyOpensAt: "09:00",
    dailyClosesAt: "16:00",
  };

  it("keeps a valid desk, empty fields as none (to be announced)", () => {
    expect(ZUpdateWelcomeDesk.parse(deskForm)).toEqual({ ...deskForm, placeName: "Espace Pouillon", address: null });
    expect(ZUpdateWelcomeDesk.parse({ ...deskForm, placeName: "", opensOn: "", closesOn: "" })).toMatchObject({
      placeName: null,
      opensOn: null,
      closesOn: null,
    });
  });

  it.each([
    [{ closesOn: "2026-08-30" }, "closesOn", "welcomeDeskPeriodOrder"],
    [{ opensOn: "2026-02-30" }, "opensOn", "dateInvalid"],
    [{ dailyOpensAt: "9h" }, "dailyOpensAt", "welcomeDeskTimeInvalid"],
    [{ dailyClosesAt: "08:00" }, "dailyClosesAt", "welcomeDeskHoursOrder"],
    [{ extra: "x" }, "", "unrecognized_keys"],
  ])("refuses %o on %s (%s)", (change, path, message) => {
    const result = ZUpdateWelcomeDesk.safeParse({ ...deskForm, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((one) => one.path.join(".") === path);
    expect(issue?.code === "unrecognized_keys" ? "unrecognized_keys" : issue?.message).toBe(message);
  });

  const generateForm = {
    deskId: id,
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
