import { detectContentType } from "@/lib/documents/rules";

/**
 * Pure rules of the letters the university issues: the placeholders of a template, the
 * verification code printed on each letter, and the period a letter states.
 */

/** What a template may ask for; anything else is refused when the template is saved (R-LET-1). */
export const placeholderNames = [
  "studentName",
  "dateOfBirth",
  "nationality",
  "homeUniversity",
  "programme",
  "component",
  "period",
  "academicYear",
  "startDate",
  "endDate",
  "ects",
  "issueDate",
  "signatoryName",
  "signatoryTitle",
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

export type TemplatePart = { text: string } | { placeholder: PlaceholderName };
export type TemplateProblem =
  | { kind: "unknownPlaceholder"; name: string }
  | { kind: "malformedPlaceholder"; at: number };

const known = new Set<string>(placeholderNames);
const placeholderPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/y;

/**
 * R-LET-1: a template is text with `{{name}}` placeholders. Any other use of `{{` or `}}` is
 * malformed, and a name outside `placeholderNames` is unknown: both are refused, so that a
 * letter never goes out with a hole or a stray brace in it.
 */
export function parseTemplate(
  source: string,
): { ok: true; parts: TemplatePart[] } | { ok: false; problem: TemplateProblem } {
  const parts: TemplatePart[] = [];
  let text = "";
  let index = 0;
  while (index < source.length) {
    if (source.startsWith("{{", index)) {
      placeholderPattern.lastIndex = index;
      const match = placeholderPattern.exec(source);
      if (!match) return { ok: false, problem: { kind: "malformedPlaceholder", at: index } };
      const name = match[1]!;
      if (!known.has(name)) return { ok: false, problem: { kind: "unknownPlaceholder", name } };
      if (text) parts.push({ text });
      text = "";
      parts.push({ placeholder: name as PlaceholderName });
      index = placeholderPattern.lastIndex;
    } else if (source.startsWith("}}", index)) {
      return { ok: false, problem: { kind: "malformedPlaceholder", at: index } };
    } else {
      text += source[index];
      index += 1;
    }
  }
  if (text) parts.push({ text });
  return { ok: true, parts };
}

/** The template's text with every placeholder replaced; throws on a template that does not parse. */
export function fillTemplate(source: string, values: PlaceholderValues): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(`Invalid letter template: ${parsed.problem.kind}`);
  return parsed.parts.map((part) => ("text" in part ? part.text : values[part.placeholder])).join("");
}

// Crockford's base32 without I, L, O, U: no letter reads as a digit when typed from paper.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const codeGroups = 3;
const groupLength = 4;

/**
 * R-LET-2: a verification code is 12 symbols of Crockford base32 in groups of four
 * (XXXX-XXXX-XXXX): 60 random bits, far beyond what throttled guessing can reach.
 */
export const verificationCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A new code from random bytes (one byte per symbol; 256 is a multiple of 32, so no bias). */
export function verificationCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < codeGroups * groupLength) throw new Error("Not enough random bytes");
  const symbols = Array.from(randomBytes.slice(0, codeGroups * groupLength), (byte) => codeAlphabet[byte % 32]);
  return [0, 1, 2].map((group) => symbols.slice(group * groupLength, (group + 1) * groupLength).join("")).join("-");
}

/**
 * What a reader typed, as a code: upper-cased, spaces dropped, and the letters people mistake
 * for digits read as those digits (Crockford); null when it cannot be a code at all.
 */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (compact.length !== codeGroups * groupLength) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
  return verificationCodePattern.test(code) ? code : null;
}

export type StudyPeriodCode = "S1" | "S2" | "FULL_YEAR";

/**
 * R-LET-3: the dates an acceptance letter states for a period of an academic year (AMU's
 * calendar: the first semester runs September–January, the second January–June).
 */
export function periodDates(academicYear: number, period: StudyPeriodCode): { start: Date; end: Date } {
  const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  switch (period) {
    case "S1":
      return { start: utc(academicYear, 9, 1), end: utc(academicYear + 1, 1, 31) };
    case "S2":
      return { start: utc(academicYear + 1, 1, 15), end: utc(academicYear + 1, 6, 30) };
    case "FULL_YEAR":
      return { start: utc(academicYear, 9, 1), end: utc(academicYear + 1, 6, 30) };
  }
}

/** R-LET-4: a certificate of arrival needs the arrival date recorded; acceptance needs an accepted dossier. */
export function canIssueLetter(
  kind: "ACCEPTANCE" | "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE",
  dossier: { status: string; arrivalDate: Date | null },
): "ok" | "notAccepted" | "notArrived" {
  if (dossier.status !== "ACCEPTED") return "notAccepted";
  if (kind !== "ACCEPTANCE" && !dossier.arrivalDate) return "notArrived";
  return "ok";
}

/**
 * R-LET-5: unknown verification codes are counted per client address; past `maxMisses` in a
 * window, every lookup from that address is refused until the window ends, so that guessing
 * cannot go on (and a hit during a guessing run is not revealed either).
 */
export const verifyThrottle = { maxMisses: 10, windowMs: 15 * 60_000 } as const;

export interface VerifyThrottleState {
  misses: number;
  windowStart: Date;
}

/** Milliseconds the address must still wait; 0 when it may look up. */
export function verifyWaitMs(state: VerifyThrottleState | null, now: Date): number {
  if (!state) return 0;
  const windowEnd = state.windowStart.getTime() + verifyThrottle.windowMs;
  if (now.getTime() >= windowEnd) return 0;
  return state.misses >= verifyThrottle.maxMisses ? windowEnd - now.getTime() : 0;
}

/** The state after one more miss: a new window once the old one has ended. */
export function afterVerifyMiss(state: VerifyThrottleState | null, now: Date): VerifyThrottleState {
  if (!state || now.getTime() >= state.windowStart.getTime() + verifyThrottle.windowMs)
    return { misses: 1, windowStart: now };
  return { misses: state.misses + 1, windowStart: state.windowStart };
}

// ---------------------------------------------------------------------------------------------
// R-LET-6: the signature image and the letterhead, as data an administrator edits.

/** A signature is a small picture: anything larger is a scan to crop, not a signature. */
export const signatureImageMaxBytes = 500 * 1024;

export type SignatureImageCheck =
  | { ok: true; contentType: "image/png" | "image/jpeg" }
  | { ok: false; reason: "empty" | "tooLarge" | "unsupportedType" };

/** Empty, then too large, then not a PNG or JPEG by its content (never by its name). */
export function checkSignatureImage(image: { size: number; head: Uint8Array }): SignatureImageCheck {
  if (image.size === 0) return { ok: false, reason: "empty" };
  if (image.size > signatureImageMaxBytes) return { ok: false, reason: "tooLarge" };
  const contentType = detectContentType(image.head);
  if (contentType !== "image/png" && contentType !== "image/jpeg") return { ok: false, reason: "unsupportedType" };
  return { ok: true, contentType };
}

/** The letterhead as edited (one printed line per line), without blank lines. */
export function letterheadLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
