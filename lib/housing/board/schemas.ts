import { z } from "zod";
import { HousingCity, HousingStatus } from "@/lib/generated/prisma/enums";
import { withoutControlCharacters } from "@/lib/security/control-characters";

const uuid = z.uuid({ error: "invalid" });

/** One decision on the board. The form sends the status the reviewer saw (guard). */
export const ZHousingDecision = z
  .strictObject({
    housingRequestId: uuid,
    expectedStatus: z.enum(["PENDING", "ACCEPTED", "WAITLISTED", "REFUSED"]),
    decision: z.enum(["ACCEPTED", "WAITLISTED", "REFUSED"], { error: "required" }),
    residenceId: z.union([z.literal("").transform(() => null), uuid]).default(null),
  })
  .superRefine((input, context) => {
    if (input.decision === "ACCEPTED" && !input.residenceId)
      context.addIssue({ code: "custom", path: ["residenceId"], message: "residenceRequired" });
  });
export type THousingDecision = z.output<typeof ZHousingDecision>;

/** Confirms the suggestion the reviewer saw: the server recomputes it and compares. */
export const ZConfirmSuggestion = z.strictObject({
  roundId: uuid,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "invalid"),
});

export const ZSuggest = z.strictObject({ roundId: uuid });

export const ZRank = z.strictObject({
  housingRequestId: uuid,
  rank: z.union([
    z.literal("").transform(() => null),
    z.coerce.number({ error: "rankInvalid" }).int("rankInvalid").min(1, "rankInvalid").max(100_000, "rankInvalid"),
  ]),
});

/**
 * The board's GET parameters (lenient: an unknown value is ignored): the round, filters on the
 * decision and the city wished, a search on the student's name or e-mail, the order (first come
 * by default, the order decisions follow) and the page's cursor.
 */
export const ZBoardQuery = z.object({
  round: z.uuid().optional().catch(undefined),
  status: z.enum(HousingStatus).optional().catch(undefined),
  city: z.enum(HousingCity).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value.replace(/\p{Cc}/gu, "") || undefined)
    .optional()
    .catch(undefined),
  sort: z.enum(["oldest", "newest"]).optional().catch(undefined),
  after: z.string().max(200).refine(withoutControlCharacters).optional().catch(undefined),
});
export type TBoardQuery = z.output<typeof ZBoardQuery>;
