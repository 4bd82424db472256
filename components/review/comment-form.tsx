"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { addInternalCommentAction } from "@/lib/applications/actions";

export function CommentForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review.dossier");
  const { failed, formAction } = useFormAction(addInternalCommentAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField
        name="body"
        label={t("comment")}
        required
        maxLength={4000}
        defaultValue={failed?.values.body ?? ""}
        error={failed?.fieldErrors.body}
      />
      <div>
        <SubmitButton label={t("addComment")} pendingLabel={t("working")} />
      </div>
    </form>
  );
}
