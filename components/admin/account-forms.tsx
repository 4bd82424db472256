"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { Link } from "@/lib/i18n/navigation";
import {
  anonymisePersonAction,
  changeRoleAction,
  createStaffAccountAction,
  sendPasswordResetAction,
  setAccountDisabledAction,
} from "@/lib/users/actions";
import { staffRoles } from "@/lib/users/schemas";

/** An admin invites a correspondent or an admin; the person chooses their own password from the mailed link. */
export function StaffAccountForm({ defaultLocale }: { defaultLocale: "fr" | "en" }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, error } = useAdminForm(createStaffAccountAction);
  const roles = staffRoles.map((role) => ({ value: role, label: te(`role.${role}`) }));
  const locales = (["fr", "en"] as const).map((locale) => ({ value: locale, label: t(`localeNames.${locale}`) }));
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="name"
        label={t("name")}
        autoComplete="off"
        required
        maxLength={120}
        defaultValue={value("name", "")}
        error={error("name")}
      />
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="off"
        required
        defaultValue={value("email", "")}
        error={error("email")}
      />
      <SelectField
        name="role"
        label={t("role")}
        options={roles}
        placeholder={tc("choose")}
        required
        defaultValue={value("role", "")}
        error={error("role")}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        options={locales}
        required
        defaultValue={value("locale", defaultLocale)}
        error={error("locale")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={t("sendInvitation")} pendingLabel={tc("saving")} />
        <Link href="/admin/users" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** Mails the person a link to choose a new password; the admin never sees it. */
export function SendResetForm({ userId }: { userId: string }) {
  const t = useTranslations("admin.users");
  const { failed, form } = useAdminForm(sendPasswordResetAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <SubmitButton label={t("sendReset")} pendingLabel={t("sending")} />
      </div>
    </form>
  );
}

/** Between correspondent and admin; applies from the account's next request. */
export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  const te = useTranslations("enums");
  const { failed, form, value, error } = useAdminForm(changeRoleAction);
  const roles = staffRoles.map((staffRole) => ({ value: staffRole, label: te(`role.${staffRole}`) }));
  return (
    <form {...form} className="flex max-w-xl flex-col gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="role"
        label={t("newRole")}
        options={roles}
        required
        defaultValue={value("role", role)}
        error={error("role")}
      />
      <div>
        <SubmitButton label={t("changeRole")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}

/** Disabling (after confirmation) signs the person out everywhere at once; enabling lets them sign in again. */
export function AccessForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const t = useTranslations("admin.users");
  const { failed, formAction } = useFormAction(setAccountDisabledAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      {disabled ? (
        <SubmitButton label={t("enable")} pendingLabel={t("enabling")} />
      ) : (
        <ConfirmSubmitButton
          label={t("disable")}
          pendingLabel={t("disabling")}
          confirmation={t("disableConfirm", { name })}
        />
      )}
    </form>
  );
}

/**
 * GDPR art. 17: erase a person by anonymisation. A box to tick says what goes and what stays
 * (legal holds); the server refuses without it and refuses one's own account.
 */
export function ErasureForm({ userId }: { userId: string }) {
  const t = useTranslations("admin.users.erasure");
  const { failed, formAction } = useFormAction(anonymisePersonAction);
  return (
    <form action={formAction} noValidate className="flex max-w-2xl flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="userId" value={userId} />
      <CheckboxField
        id="erase-confirm"
        name="confirm"
        label={t("confirm")}
        required
        error={failed?.fieldErrors.confirm}
      />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
