import { z } from "zod";

export const ZLetterId = z.uuid();

/** Staff reissue a dossier's acceptance letter in one language (a correction, or the other language). */
export const ZReissueLetter = z.strictObject({
  applicationId: z.uuid(),
  locale: z.enum(["fr", "en"]),
});
export type TReissueLetter = z.infer<typeof ZReissueLetter>;

export const certificateKinds = ["ARRIVAL_CERTIFICATE", "ATTENDANCE_CERTIFICATE"] as const;

/** A student asks for a certificate of arrival or of attendance. */
export const ZRequestCertificate = z.strictObject({ kind: z.enum(certificateKinds) });
export type TRequestCertificate = z.infer<typeof ZRequestCertificate>;

const day = z.iso.date({ error: "dateInvalid" }).transform((value) => new Date(`${value}T00:00:00Z`));

/**
 * The correspondent confirms the dates a certificate states (arrival: the day of arrival;
 * attendance: from arrival to the end of the stay) and the language it is written in.
 */
export const ZIssueCertificate = z
  .strictObject({
    certificateRequestId: z.uuid(),
    locale: z.enum(["fr", "en"]),
    start: day,
    end: z.union([z.literal("").transform(() => undefined), day]).optional(),
  })
  .refine((input) => !input.end || input.end >= input.start, { path: ["end"], error: "certificateEndBeforeStart" });
export type TIssueCertificate = z.infer<typeof ZIssueCertificate>;
