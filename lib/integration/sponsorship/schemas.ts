import { z } from "zod";
import { commaList, integerField } from "@/lib/form-fields";
import { sponsorCapacityBounds } from "@/lib/integration/sponsorship/rules";

/** The sponsorship programme (R-INT-3, R-INT-5…8): forms of sponsors, students and staff. */

const uuid = z.uuid({ error: "invalid" });

/** ISO 639-1 codes typed as "fr, en": lower-cased, duplicates dropped; at least one. */
const languageCodes = z
  .string({ error: "required" })
  .transform((text) => commaList(text, (code) => code.toLowerCase()))
  .pipe(
    z
      .array(z.string().regex(/^[a-z]{2}$/, "languageCodesInvalid"))
      .min(1, "required")
      .max(10, "tooMany"),
  );

/** Free interests typed as "music, hiking": lower-cased, at most 10 of 40 characters. */
const interestList = z
  .string({ error: "invalid" })
  .default("")
  .transform((text) => commaList(text, (entry) => entry.toLowerCase().replace(/\s+/g, " ")))
  .pipe(z.array(z.string().max(40, "tooLong")).max(10, "tooMany"));

/** A ticked box arrives as "on"; anything else is not ticked. */
const ticked = (message: string) => z.literal("on", { error: message }).transform(() => true as const);

/** R-INT-5: a local student offers to sponsor, accepting the charter. */
export const ZApplyAsSponsor = z.strictObject({
  componentId: z.uuid({ error: "required" }),
  city: z.enum(["AIX", "MARSEILLE"], { error: "required" }),
  languages: languageCodes,
  interests: interestList,
  capacity: integerField(sponsorCapacityBounds.min, sponsorCapacityBounds.max, "sponsorCapacityInvalid"),
  charter: ticked("charterRequired"),
});
export type TApplyAsSponsor = z.output<typeof ZApplyAsSponsor>;

export const ZDecideSponsor = z.strictObject({
  sponsorId: uuid,
  decision: z.enum(["APPROVED", "REFUSED"], { error: "invalid" }),
});
export type TDecideSponsor = z.output<typeof ZDecideSponsor>;

/** R-INT-6: the student opts in, consenting to exactly the fields listed on the form. */
export const ZOptInSponsorship = z.strictObject({
  languages: languageCodes,
  interests: interestList,
  consent: ticked("consentRequired"),
});
export type TOptInSponsorship = z.output<typeof ZOptInSponsorship>;

export const ZWithdrawSponsorship = z.strictObject({});

/** R-INT-8: staff confirm a suggested pair, or force one (then without a suggestion's reason). */
export const ZConfirmSponsorMatch = z.strictObject({
  applicationId: z.uuid({ error: "required" }),
  sponsorId: z.uuid({ error: "required" }),
});
export type TConfirmSponsorMatch = z.output<typeof ZConfirmSponsorMatch>;

export const ZRemoveSponsorMatch = z.strictObject({ matchId: uuid });
export type TRemoveSponsorMatch = z.output<typeof ZRemoveSponsorMatch>;
