"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { uploadSignatureAction } from "@/lib/letters/actions";

/** R-LET-6: the signatory's signature image; the server checks the content, the `accept` only helps the picker. */
export function SignatureForm({ onFile }: { onFile: boolean }) {
  const t = useTranslations("letters.admin");
  const { failed, succeeded, formAction } = useFormAction(uploadSignatureAction);
  return (
    <section aria-labelledby="signature-heading" className="flex flex-col gap-3 rounded border border-slate-300 p-4">
      <h3 id="signature-heading" className="text-lg font-semibold">
        {t("signatureTitle")}
      </h3>
      <p>{onFile || succeeded ? t("signatureCurrent") : t("signatureNone")}</p>
      <form action={formAction} noValidate className="flex flex-col gap-3" encType="multipart/form-data">
        <FormAlert message={failed?.message} />
        <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
          {succeeded ? t("signatureSaved") : ""}
        </p>
        <Field
          id="signature-image"
          name="image"
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          label={t("signatureFile")}
          required
          error={failed?.fieldErrors.image}
        />
        <div>
          <SubmitButton label={t("uploadSignature")} pendingLabel={t("uploading")} />
        </div>
      </form>
    </section>
  );
}
