import { z } from "zod";
import { parseTemplate } from "@/lib/letters/rules";

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

/** R-LET-1: a text with placeholders is saved only if every placeholder is known and well formed. */
const templateText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .superRefine((value, context) => {
      const parsed = parseTemplate(value);
      if (!parsed.ok)
        context.addIssue({
          code: "custom",
          message:
            parsed.problem.kind === "unknownPlaceholder"
              ? "templateUnknownPlaceholder"
              : "templateMalformedPlaceholder",
        });
    });

/** An administrator's wording of one kind of letter in one language. */
export const ZLetterTemplate = z.strictObject({
  kind: z.enum(["ACCEPTANCE", "ARRIVAL_CERTIFICATE", "ATTENDANCE_CERTIFICATE"]),
  locale: z.enum(["fr", "en"]),
  title: templateText(200),
  body: templateText(8000),
  signatoryName: z.string().trim().min(1, "required").max(200, "tooLong"),
  signatoryTitle: z.string().trim().min(1, "required").max(300, "tooLong"),
});
export type TLetterTemplate = z.infer<typeof ZLetterTemplate>;

/** R-LET-6: the letterhead of one language, one printed line per line. */
export const ZLetterhead = z.strictObject({
  locale: z.enum(["fr", "en"]),
  lines: z
    .string()
    .trim()
    .min(1, "required")
    .max(1000, "tooLong")
    .refine((value) => value.split(/\r?\n/).length <= 8, "tooLong"),
});
export type TLetterhead = z.infer<typeof ZLetterhead>;

/** R-LET-6: the signature image as FormData gives it; its content is checked by the service. */
export const ZSignatureImage = z.strictObject({
  image: z.custom<File>((value) => value instanceof Blob && typeof (value as Partial<File>).name === "string", {
    error: "required",
  }),
});
export type TSignatureImage = z.infer<typeof ZSignatureImage>;

/** The preview's query: which letter, in which language. */
export const ZLetterPreview = z.strictObject({
  kind: z.enum(["ACCEPTANCE", "ARRIVAL_CERTIFICATE", "ATTENDANCE_CERTIFICATE"]),
  locale: z.enum(["fr", "en"]),
});
