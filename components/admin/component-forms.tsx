"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  attachCorrespondentAction,
  createComponentAction,
  detachCorrespondentAction,
  updateComponentAction,
} from "@/lib/components/actions";
import { Link } from "@/lib/i18n/navigation";

type Component = {
  id: string;
  code: string;
  nameFr: string;
  nameEn: string;
  officeHoursFr: string | null;
  officeHoursEn: string | null;
};

/** Creates a component, or edits one when `component` is given. */
export function ComponentForm({ component }: { component?: Component }) {
  const t = useTranslations("admin.components");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(component ? updateComponentAction : createComponentAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {component && <input type="hidden" name="id" value={component.id} />}
      <Field
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        required
        maxLength={20}
        autoCapitalize="characters"
        defaultValue={value("code", component?.code)}
        error={error("code")}
      />
      <Field
        name="nameFr"
        label={t("nameFr")}
        lang="fr"
        required
        maxLength={200}
        defaultValue={value("nameFr", component?.nameFr)}
        error={error("nameFr")}
      />
      <Field
        name="nameEn"
        label={t("nameEn")}
        lang="en"
        required
        maxLength={200}
        defaultValue={value("nameEn", component?.nameEn)}
        error={error("nameEn")}
      />
      {/* R-MSG-1: shown to the faculty's students next to their correspondents. */}
      <TextAreaField
        name="officeHoursFr"
        label={t("officeHoursFr")}
        hint={t("officeHoursHint")}
        lang="fr"
        rows={2}
        maxLength={500}
        defaultValue={value("officeHoursFr", component?.officeHoursFr)}
        error={error("officeHoursFr")}
      />
      <TextAreaField
        name="officeHoursEn"
        label={t("officeHoursEn")}
        hint={t("officeHoursHint")}
        lang="en"
        rows={2}
        maxLength={500}
        defaultValue={value("officeHoursEn", component?.officeHoursEn)}
        error={error("officeHoursEn")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/components" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** Attaches one of the correspondents not attached yet. */
export function AttachCorrespondentForm({
  componentId,
  candidates,
}: {
  componentId: string;
  candidates: { value: string; label: string }[];
}) {
  const t = useTranslations("admin.components");
  const tc = useTranslations("admin.common");
  const { failed, form, value, error } = useAdminForm(attachCorrespondentAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="componentId" value={componentId} />
      <SelectField
        name="userId"
        label={t("attachLabel")}
        options={candidates}
        placeholder={tc("choose")}
        required
        defaultValue={value("userId", "")}
        error={error("userId")}
      />
      <div>
        <SubmitButton label={t("attach")} pendingLabel={t("attaching")} />
      </div>
    </form>
  );
}

/** Detaches one correspondent, after confirmation; their access to the component's dossiers ends at once. */
export function DetachCorrespondentForm({
  componentId,
  userId,
  name,
  code,
}: {
  componentId: string;
  userId: string;
  name: string;
  code: string;
}) {
  const t = useTranslations("admin.components");
  const { failed, formAction } = useFormAction(detachCorrespondentAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      {failed && <FormAlert message={failed.message} />}
      <input type="hidden" name="componentId" value={componentId} />
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmitButton
        variant="secondary"
        label={t("detach")}
        pendingLabel={t("detaching")}
        confirmation={t("detachConfirm", { name, code })}
        context={name}
      />
    </form>
  );
}
