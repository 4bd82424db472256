import { describe, expect, it } from "vitest";
import { defaultTemplates } from "@/lib/letters/default-templates";
import {
  afterVerifyMiss,
  canIssueLetter,
  checkSignatureImage,
  fillTemplate,
  letterheadLines,
  normaliseVerificationCode,
  type PlaceholderValues,
  parseTemplate,
  periodDates,
  placeholderNames,
  signatureImageMaxBytes,
  verificationCodeFrom,
  verificationCodePattern,
  verifyThrottle,
  verifyWaitMs,
} from "@/lib/letters/rules";

const values = Object.fromEntries(placeholderNames.map((name) => [name, `<${name}>`])) as PlaceholderValues;

describe("R-LET-1 placeholders: parsing", () => {
  it.each([
    ["plain text", "Hello", [{ text: "Hello" }]],
    ["one placeholder", "{{studentName}}", [{ placeholder: "studentName" }]],
    [
      "text around",
      "Dear {{studentName}}, born {{ dateOfBirth }}.",
      [
        { text: "Dear " },
        { placeholder: "studentName" },
        { text: ", born " },
        { placeholder: "dateOfBirth" },
        { text: "." },
      ],
    ],
    ["single braces are text", "a {b} c", [{ text: "a {b} c" }]],
    ["empty", "", []],
  ] as const)("%s", (_case, source, parts) => {
    expect(parseTemplate(source)).toEqual({ ok: true, parts });
  });

  it.each([
    ["unknown name", "{{passportNumber}}", { kind: "unknownPlaceholder", name: "passportNumber" }],
    ["wrong case", "{{StudentName}}", { kind: "unknownPlaceholder", name: "StudentName" }],
    ["unclosed", "Dear {{studentName", { kind: "malformedPlaceholder", at: 5 }],
    ["empty name", "{{}}", { kind: "malformedPlaceholder", at: 0 }],
    ["stray closing", "end }}", { kind: "malformedPlaceholder", at: 4 }],
    ["spaces inside the name", "{{student Name}}", { kind: "malformedPlaceholder", at: 0 }],
    ["nested", "{{{{studentName}}}}", { kind: "malformedPlaceholder", at: 0 }],
  ] as const)("refuses %s", (_case, source, problem) => {
    expect(parseTemplate(source)).toEqual({ ok: false, problem });
  });
});

describe("R-LET-1 placeholders: filling", () => {
  it.each([
    ["{{studentName}} ({{nationality}})", "<studentName> (<nationality>)"],
    ["from {{startDate}} to {{endDate}}", "from <startDate> to <endDate>"],
    ["no placeholder", "no placeholder"],
  ])("%s", (source, filled) => {
    expect(fillTemplate(source, values)).toBe(filled);
  });

  it("keeps a value's braces as they are (a value is never parsed again)", () => {
    expect(fillTemplate("{{studentName}}", { ...values, studentName: "{{ects}}" })).toBe("{{ects}}");
  });

  it("throws on a template that does not parse", () => {
    expect(() => fillTemplate("{{nope}}", values)).toThrow();
  });

  it("every shipped template parses, in both languages", () => {
    for (const byLocale of Object.values(defaultTemplates))
      for (const template of Object.values(byLocale))
        for (const source of [template.title, ...template.paragraphs])
          expect(parseTemplate(source).ok, source).toBe(true);
  });
});

describe("R-LET-2 verification code", () => {
  it("is three groups of four Crockford symbols", () => {
    const code = verificationCodeFrom(new Uint8Array(12).map((_, index) => index * 21));
    expect(code).toMatch(verificationCodePattern);
  });

  it("maps every byte onto the alphabet (no I, L, O, U)", () => {
    const code = verificationCodeFrom(Uint8Array.from({ length: 12 }, (_, index) => 255 - index));
    expect(code).toMatch(verificationCodePattern);
    expect(code).not.toMatch(/[ILOU]/);
  });

  it("refuses too few random bytes", () => {
    expect(() => verificationCodeFrom(new Uint8Array(11))).toThrow();
  });

  it.each([
    ["7KQ2-M9XD-4TRB", "7KQ2-M9XD-4TRB"],
    ["7kq2-m9xd-4trb", "7KQ2-M9XD-4TRB"],
    ["7KQ2 M9XD 4TRB", "7KQ2-M9XD-4TRB"],
    ["7KQ2M9XD4TRB", "7KQ2-M9XD-4TRB"],
    ["OKQ2-M9XD-4TRI", "0KQ2-M9XD-4TR1"], // O and I read as the digits they look like
    ["7KQ2-M9XD-4TR", null],
    ["7KQ2-M9XD-4TRBX", null],
    ["7KQ2-M9XD-4TRU", null], // U is not in the alphabet
    ["7KQ2-M9XD-4TR!", null],
    ["'; DROP TABLE--", null],
    ["", null],
  ])("%j reads as %j", (input, code) => {
    expect(normaliseVerificationCode(input)).toBe(code);
  });
});

describe("R-LET-3 period dates", () => {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  it.each([
    ["S1", "2026-09-01", "2027-01-31"],
    ["S2", "2027-01-15", "2027-06-30"],
    ["FULL_YEAR", "2026-09-01", "2027-06-30"],
  ] as const)("%s of 2026-2027", (period, start, end) => {
    const dates = periodDates(2026, period);
    expect([day(dates.start), day(dates.end)]).toEqual([start, end]);
  });
});

describe("R-LET-4 when a letter may be issued", () => {
  const arrived = new Date("2026-09-02");
  it.each([
    ["ACCEPTANCE", "ACCEPTED", null, "ok"],
    ["ACCEPTANCE", "UNDER_REVIEW", null, "notAccepted"],
    ["ACCEPTANCE", "REJECTED", null, "notAccepted"],
    ["ARRIVAL_CERTIFICATE", "ACCEPTED", null, "notArrived"],
    ["ARRIVAL_CERTIFICATE", "ACCEPTED", arrived, "ok"],
    ["ATTENDANCE_CERTIFICATE", "ACCEPTED", null, "notArrived"],
    ["ATTENDANCE_CERTIFICATE", "SUBMITTED", arrived, "notAccepted"],
  ] as const)("%s for a dossier %s (arrived %s) → %s", (kind, status, arrivalDate, outcome) => {
    expect(canIssueLetter(kind, { status, arrivalDate })).toBe(outcome);
  });
});

describe("R-LET-5 throttle of unknown codes", () => {
  const start = new Date("2026-11-29T10:00:00Z");
  const later = (ms: number) => new Date(start.getTime() + ms);

  it("lets an address through until it has missed the limit, then until the window ends", () => {
    let state = null as ReturnType<typeof afterVerifyMiss> | null;
    for (let miss = 0; miss < verifyThrottle.maxMisses; miss++) {
      expect(verifyWaitMs(state, later(miss * 1000))).toBe(0);
      state = afterVerifyMiss(state, later(miss * 1000));
    }
    expect(verifyWaitMs(state, later(60_000))).toBe(verifyThrottle.windowMs - 60_000);
    expect(verifyWaitMs(state, later(verifyThrottle.windowMs))).toBe(0);
  });

  it("starts a new window after the old one", () => {
    const old = { misses: verifyThrottle.maxMisses, windowStart: start };
    expect(afterVerifyMiss(old, later(verifyThrottle.windowMs + 1))).toEqual({
      misses: 1,
      windowStart: later(verifyThrottle.windowMs + 1),
    });
  });
});

describe("the signature image (R-LET-6)", () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const jpeg = [0xff, 0xd8, 0xff, 0xe0];
  it.each([
    ["a PNG", png, 2048, { ok: true, contentType: "image/png" }],
    ["a JPEG", jpeg, 2048, { ok: true, contentType: "image/jpeg" }],
    ["a JPEG at the limit", jpeg, signatureImageMaxBytes, { ok: true, contentType: "image/jpeg" }],
    ["an empty file", [], 0, { ok: false, reason: "empty" }],
    ["a PNG one byte over the limit", png, signatureImageMaxBytes + 1, { ok: false, reason: "tooLarge" }],
    ["a PDF", [0x25, 0x50, 0x44, 0x46, 0x2d], 2048, { ok: false, reason: "unsupportedType" }],
    ["a GIF", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 2048, { ok: false, reason: "unsupportedType" }],
    ["text named .png", [0x68, 0x65, 0x6c, 0x6c, 0x6f], 2048, { ok: false, reason: "unsupportedType" }],
    ["a truncated PNG signature", png.slice(0, 4), 4, { ok: false, reason: "unsupportedType" }],
  ])("%s", (_name, head, size, expected) => {
    expect(checkSignatureImage({ size, head: new Uint8Array(head) })).toEqual(expected);
  });
});

describe("the letterhead as edited (R-LET-6)", () => {
  it.each([
    ["Aix-Marseille Université\nDRI", ["Aix-Marseille Université", "DRI"]],
    ["  AMU  \r\n\r\n  58 bd Charles Livon \n", ["AMU", "58 bd Charles Livon"]],
    ["\n\n", []],
  ])("%j", (text, lines) => {
    expect(letterheadLines(text)).toEqual(lines);
  });
});
