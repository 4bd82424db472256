"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { startNewApplicationAction } from "@/lib/applications/actions";

/** R-ELI-9: starts a new application copying the previous one. */
export function NewApplicationForm({ reason }: { reason: "reapply" | "extension" }) {
  const t = useTranslations("dossier.applications");
  const { failed, formAction } = useFormAction(startNewApplicationAction);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <p>{t(reason === "extension" ? "extensionHint" : "reapplyHint")}</p>
      <div>
        <SubmitButton label={t(reason === "extension" ? "extend" : "reapply")} pendingLabel={t("starting")} />
      </div>
    </form>
  );
}
