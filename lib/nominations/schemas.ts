import { z } from "zod";
import { StudyPeriod } from "@/lib/generated/prisma/enums";

/** A CSV file as text; ~5,000 rows of nominations fit well under this. */
export const maxNominationCsvBytes = 2_000_000;

/** R-ELI-2: the file, pasted or read from disk by the form; previewed first, then confirmed. */
export const ZNominationCsv = z.strictObject({
  csv: z
    .string({ error: "required" })
    .refine((csv) => csv.trim() !== "", "required")
    .refine((csv) => csv.length <= maxNominationCsvBytes, "tooLong"),
  confirm: z.enum(["preview", "confirm"]).default("preview"),
});
export type TNominationCsv = z.output<typeof ZNominationCsv>;

/** R-ELI-2: an EWP Outgoing Mobilities v3 file, previewed first, then applied (all or nothing). */
export const ZEwpNominationsForm = z.strictObject({
  file: z.instanceof(File, { error: "required" }).refine((file) => file.size > 0, "required"),
  mode: z.enum(["preview", "apply"]),
});

/** R-ELI-2: staff attach a partner's late nomination to a dossier submitted without one. */
export const ZAttachNomination = z.strictObject({
  applicationId: z.uuid({ error: "required" }),
  nominationId: z.uuid({ error: "required" }),
});
export type TAttachNomination = z.output<typeof ZAttachNomination>;

/**
 * The staff's list of nominations (/review/nominations, its export): filters from the URL, anything
 * unknown ignored; `after` is the keyset cursor of the next page.
 */
export const ZNominationListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  period: z.enum(StudyPeriod).optional().catch(undefined),
  component: z.uuid().optional().catch(undefined),
  /** Whether a dossier has been attached to the nomination yet. */
  attached: z.enum(["yes", "no"]).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type TNominationListQuery = z.output<typeof ZNominationListQuery>;
