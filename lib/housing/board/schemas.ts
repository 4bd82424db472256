import { z } from "zod";

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

/** The board's GET parameters (lenient: an unknown value is ignored). */
export const ZBoardQuery = z.object({
  round: z.uuid().optional().catch(undefined),
  status: z.enum(["PENDING", "ACCEPTED", "WAITLISTED", "REFUSED", "DECLINED", "WITHDRAWN"]).optional().catch(undefined),
});
