"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ConfirmedActionForm } from "@/components/ui/confirmed-action-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Link } from "@/lib/i18n/navigation";
import { createPartnerAction, deletePartnerAction, updatePartnerAction } from "@/lib/partners/actions";

type Option = { value: string; label: string };
type Partner = {
  id: string;
  name: string;
  country: string;
  city: string;
  erasmusCode: string | null;
  ewpHeiId: string | null;
  networks: { id: string }[];
};

/** Creates a partner institution, or edits one when `partner` is given. */
export function PartnerForm({
  partner,
  countries,
  networks,
}: {
  partner?: Partner;
  countries: Option[];
  /** R-PAR-2: the networks, as the administrators keep them. */
  networks: Option[];
}) {
  const t = useTranslations("admin.partners");
  const tc = useTranslations("admin.common");
  const { failed, form, value, selected, error } = useAdminForm(partner ? updatePartnerAction : createPartnerAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {partner && <input type="hidden" name="id" value={partner.id} />}
      <Field
        name="name"
        label={t("name")}
        required
        maxLength={200}
        defaultValue={value("name", partner?.name)}
        error={error("name")}
      />
      <SelectField
        name="country"
        label={t("country")}
        options={countries}
        placeholder={tc("choose")}
        required
        defaultValue={value("country", partner?.country)}
        error={error("country")}
      />
      <Field
        name="city"
        label={t("city")}
        required
        maxLength={100}
        defaultValue={value("city", partner?.city)}
        error={error("city")}
      />
      <Field
        name="erasmusCode"
        label={t("erasmusCode")}
        hint={t("erasmusCodeHint")}
        maxLength={20}
        defaultValue={value("erasmusCode", partner?.erasmusCode)}
        error={error("erasmusCode")}
      />
      <Field
        name="ewpHeiId"
        label={t("ewpHeiId")}
        hint={t("ewpHeiIdHint")}
        maxLength={100}
        defaultValue={value("ewpHeiId", partner?.ewpHeiId)}
        error={error("ewpHeiId")}
      />
      {networks.length > 0 ? (
        <CheckboxGroup
          name="networkIds"
          legend={t("networks")}
          options={networks}
          defaultValues={selected("networkIds", partner?.networks.map((network) => network.id) ?? [])}
          error={error("networkIds")}
        />
      ) : (
        <p>{t("networksNone")}</p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/partners" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** R-PAR: a partner with agreements is not deleted; the refusal comes back as the form's alert. */
export function DeletePartnerForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin.partners");
  return (
    <ConfirmedActionForm
      action={deletePartnerAction}
      fields={{ id }}
      label={t("delete")}
      pendingLabel={t("deleting")}
      confirmation={t("deleteConfirm", { name })}
    />
  );
}
