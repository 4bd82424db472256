import { z } from "zod";

/** What the staff's insurance review sends. Messages are keys of errors.validation.*. */

const uuid = z.uuid({ error: "invalid" });

/**
 * R-HOU-7: staff approve or reject the certificate they saw (documentId: a certificate replaced
 * meanwhile is not the one they looked at). A rejection says why; the student reads it.
 */
export const ZInsuranceReview = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({ applicationId: uuid, documentId: uuid, decision: z.literal("approve") }),
    z.strictObject({
      applicationId: uuid,
      documentId: uuid,
      decision: z.literal("reject"),
      note: z.string({ error: "insuranceNoteRequired" }).trim().min(1, "insuranceNoteRequired").max(2000, "tooLong"),
    }),
  ],
  { error: "invalid" },
);
export type TInsuranceReview = z.output<typeof ZInsuranceReview>;
