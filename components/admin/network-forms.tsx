"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ConfirmedActionForm } from "@/components/ui/confirmed-action-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { createNetworkAction, deleteNetworkAction, renameNetworkAction } from "@/lib/partners/networks/actions";

/** R-PAR-2: adds a network, or renames one when `network` is given (its partners stay members). */
export function NetworkForm({ network }: { network?: { id: string; name: string } }) {
  const t = useTranslations("admin.networks");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(network ? renameNetworkAction : createNetworkAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {network && <input type="hidden" name="id" value={network.id} />}
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={80}
        defaultValue={value("name", network?.name)}
        error={error("name")}
      />
      <div>
        <SubmitButton label={network ? tc("save") : t("create")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}

/** A network partners belong to is not deleted; the refusal comes back as the form's alert. */
export function DeleteNetworkForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin.networks");
  const tc = useTranslations("admin.common");
  return (
    <ConfirmedActionForm
      action={deleteNetworkAction}
      fields={{ id }}
      label={t("delete")}
      pendingLabel={tc("saving")}
      confirmation={t("deleteConfirm", { name })}
    />
  );
}
