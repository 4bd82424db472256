"use server";

import { getTranslations } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { ZDocumentReview } from "@/lib/documents/review/schemas";
import { reviewDocument } from "@/lib/documents/review/service";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { notify } from "@/lib/mail/notify";

/** R-MSG-6: the checklist's verdict; "to be replaced" is e-mailed to the student, in their language. */
export const reviewDocumentAction = actionFor("documentReview.reviewDocument")
  .input(ZDocumentReview)
  .action(async ({ input, ctx }) => {
    const reviewed = await reviewDocument(ctx.viewer, input, ctx.requestId);
    if (reviewed.mailTo) {
      const { mailTo } = reviewed;
      const t = await getTranslations({ locale: mailTo.locale, namespace: "documents" });
      await notify(
        mailTo.email,
        mailTo.locale,
        "documentToReplace",
        { name: mailTo.name, document: t(`kind.${reviewed.kind}`), message: input.note ?? "" },
        ctx.requestId,
      );
    }
    await redirectInLocale(`/review/${reviewed.applicationId}`);
  });
