import { z } from "zod";

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
