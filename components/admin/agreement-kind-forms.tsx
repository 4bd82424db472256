"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmedActionForm } from "@/components/ui/confirmed-action-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  createAgreementKindAction,
  deleteAgreementKindAction,
  updateAgreementKindAction,
} from "@/lib/agreements/kinds/actions";

type Kind = { code: string; nameFr: string; nameEn: string; coversEveryComponent: boolean };

/** R-PAR-1: adds a kind of agreement, or edits one's names and scope when `kind` is given (its code stays). */
export function AgreementKindForm({ kind }: { kind?: Kind }) {
  const t = useTranslations("admin.agreementKinds");
  const tc = useTranslations("admin.common");
  const { failed, form, value, checked, error } = useAdminForm(
    kind ? updateAgreementKindAction : createAgreementKindAction,
  );
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {kind ? (
        <input type="hidden" name="code" value={kind.code} />
      ) : (
        <Field
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          required
          maxLength={40}
          defaultValue={value("code", "")}
          error={error("code")}
        />
      )}
      <Field
        name="nameFr"
        label={t("nameFr")}
        lang="fr"
        required
        maxLength={100}
        defaultValue={value("nameFr", kind?.nameFr)}
        error={error("nameFr")}
      />
      <Field
        name="nameEn"
        label={t("nameEn")}
        lang="en"
        required
        maxLength={100}
        defaultValue={value("nameEn", kind?.nameEn)}
        error={error("nameEn")}
      />
      <CheckboxField
        name="coversEveryComponent"
        label={t("coversEveryComponent")}
        hint={t("coversEveryComponentHint")}
        defaultChecked={checked("coversEveryComponent", kind?.coversEveryComponent ?? false)}
        error={error("coversEveryComponent")}
      />
      <div>
        <SubmitButton label={kind ? tc("save") : t("create")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}

/** A kind some agreement uses is not deleted; the refusal comes back as the form's alert. */
export function DeleteAgreementKindForm({ code, name }: { code: string; name: string }) {
  const t = useTranslations("admin.agreementKinds");
  const tc = useTranslations("admin.common");
  return (
    <ConfirmedActionForm
      action={deleteAgreementKindAction}
      fields={{ code }}
      label={t("delete")}
      pendingLabel={tc("saving")}
      confirmation={t("deleteConfirm", { name })}
    />
  );
}
