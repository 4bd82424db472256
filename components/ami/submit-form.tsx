"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitAmiApplicationAction } from "@/lib/ami/actions";

/** Sends the saved application to the international office; a rule not met is explained here. */
export function AmiSubmitForm({ id }: { id: string }) {
  const t = useTranslations("ami.form");
  const { failed, form } = useAdminForm(submitAmiApplicationAction);
  return (
    <form {...form} className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="id" value={id} />
      <div>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
