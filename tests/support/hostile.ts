/**
 * Hostile input for property-based tests (fast-check, ASVS V2): what a browser's form would
 * never send but an attacker's script does — wrong types, huge and odd strings, negative and
 * enormous numbers, unknown and prototype-polluting keys, other people's ids.
 */
import fc from "fast-check";

const oddStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    '\'; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    '=HYPERLINK("http://x")',
    "👩🏽‍🎓".repeat(20),
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "NaN",
    "-1",
    "1e309",
    "2026-02-30",
    "9999-99-99",
    "true",
    "null",
  ),
  fc.nat({ max: 200_000 }).map((length) => "x".repeat(length)),
);

const oddNumbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity),
);

/** Any value a JSON body or a form could carry, nested a little. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  oddStrings,
  oddNumbers,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(oddStrings, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), oddStrings, { maxKeys: 3 }),
);

/**
 * An object for an action's input: the field names the schemas use (so values reach the
 * validators), unknown keys, `__proto__`, and ids taken from `ids` (other people's records).
 */
export function hostileInput(ids: readonly string[]): fc.Arbitrary<unknown> {
  const knownKeys = fc.constantFrom(
    "applicationId",
    "requestId",
    "documentId",
    "userId",
    "componentId",
    "partnerId",
    "programmeId",
    "residenceId",
    "roundId",
    "slotId",
    "bookingId",
    "stepId",
    "procedureId",
    "feeId",
    "deskId",
    "id",
    "email",
    "password",
    "name",
    "decision",
    "expectedStatus",
    "message",
    "body",
    "kind",
    "status",
    "nationality",
    "visaType",
    "arrivalDate",
    "foreignNumber",
    "academicYear",
    "rooms",
    "rank",
    "amount",
    "countries",
    "steps",
    "confirm",
    "done",
    "role",
  );
  const value = fc.oneof(hostileValue, ids.length ? fc.constantFrom(...ids) : fc.uuid(), fc.uuid());
  return fc.oneof(
    hostileValue,
    fc.dictionary(
      fc.oneof(knownKeys, fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "prototype")),
      value,
      { maxKeys: 8 },
    ),
  );
}
