"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import {
  ZIssueCertificate,
  ZLetterhead,
  ZLetterTemplate,
  ZReissueLetter,
  ZRequestCertificate,
  ZSignatureImage,
} from "@/lib/letters/schemas";
import {
  issueCertificate,
  reissueAcceptanceLetter,
  requestCertificate,
  updateLetterhead,
  updateLetterTemplate,
  uploadSignatureImage,
} from "@/lib/letters/service";
import { notify } from "@/lib/mail/notify";

/** A new version of the acceptance letter, in the language chosen; the old one reads "replaced". */
export const reissueLetterAction = actionFor("letters.reissueLetter")
  .input(ZReissueLetter)
  .action(async ({ input, ctx }) => {
    const letter = await reissueAcceptanceLetter(ctx.viewer, input, ctx.requestId);
    refresh();
    return { letterId: letter.id, code: letter.code };
  });

/** R-LET-4: the student asks for a certificate of arrival or attendance (once arrived). */
export const requestCertificateAction = actionFor("letters.requestCertificate")
  .input(ZRequestCertificate)
  .action(async ({ input, ctx }) => {
    const request = await requestCertificate(ctx.viewer, input, ctx.requestId);
    refresh();
    return { certificateRequestId: request.id };
  });

/** The correspondent confirms the dates; the certificate is issued and mailed to the student. */
export const issueCertificateAction = actionFor("letters.issueCertificate")
  .input(ZIssueCertificate)
  .action(async ({ input, ctx }) => {
    const { letter, kind, student } = await issueCertificate(ctx.viewer, input, ctx.requestId);
    const t = await getTranslations({ locale: student.locale, namespace: "letters.kind" });
    await notify(
      student.email,
      student.locale,
      "certificateIssued",
      { name: student.name, letter: t(kind).toLocaleLowerCase(student.locale) },
      ctx.requestId,
      [{ filename: letter.fileName, content: letter.bytes, contentType: "application/pdf" }],
    );
    refresh();
    return { letterId: letter.id, code: letter.code };
  });

/** R-LET-1: an administrator saves a letter's wording; a text with an unknown placeholder is refused. */
export const updateLetterTemplateAction = actionFor("letters.updateTemplate")
  .input(ZLetterTemplate)
  .action(async ({ input, ctx }) => {
    await updateLetterTemplate(ctx.viewer, input, ctx.requestId);
    refresh();
    return { kind: input.kind, locale: input.locale };
  });

/** R-LET-6: the letterhead of one language. */
export const updateLetterheadAction = actionFor("letters.updateLetterhead")
  .input(ZLetterhead)
  .action(async ({ input, ctx }) => {
    await updateLetterhead(ctx.viewer, input, ctx.requestId);
    refresh();
    return { locale: input.locale };
  });

/** R-LET-6: the signatory's signature image (PNG or JPEG, checked by its content). */
export const uploadSignatureAction = actionFor("letters.uploadSignature")
  .input(ZSignatureImage)
  .action(async ({ input, ctx }) => {
    await uploadSignatureImage(ctx.viewer, input, ctx.requestId);
    refresh();
    return { saved: true };
  });
