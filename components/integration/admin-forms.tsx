"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createFleCourseAction, deleteFleCourseAction } from "@/lib/integration/fle/actions";
import { createIntegrationSessionAction, updateIntegrationSessionAction } from "@/lib/integration/week/actions";

type Session = {
  id: string;
  academicYear: number;
  title: string;
  startsOn: string;
  endsOn: string;
  dailyHours: string;
  totalHours: number;
  place: string;
  capacity: number;
};

/** R-INT-1: a session of the integration week, new (no `session`) or changed. */
export function IntegrationSessionForm({ session, defaultYear }: { session?: Session; defaultYear: number }) {
  const t = useTranslations("integration.admin");
  const { failed, form, value, error } = useAdminForm(
    session ? updateIntegrationSessionAction : createIntegrationSessionAction,
  );
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {session && <input type="hidden" name="id" value={session.id} />}
      <Field
        name="academicYear"
        inputMode="numeric"
        label={t("fields.academicYear")}
        required
        defaultValue={value("academicYear", session?.academicYear ?? defaultYear)}
        error={error("academicYear")}
      />
      <Field
        name="title"
        label={t("fields.title")}
        hint={t("fields.titleHint")}
        required
        maxLength={120}
        autoComplete="off"
        defaultValue={value("title", session?.title)}
        error={error("title")}
      />
      <div className="flex flex-wrap gap-4">
        <Field
          name="startsOn"
          type="date"
          label={t("fields.startsOn")}
          required
          defaultValue={value("startsOn", session?.startsOn)}
          error={error("startsOn")}
        />
        <Field
          name="endsOn"
          type="date"
          label={t("fields.endsOn")}
          required
          defaultValue={value("endsOn", session?.endsOn)}
          error={error("endsOn")}
        />
      </div>
      <Field
        name="dailyHours"
        label={t("fields.dailyHours")}
        hint={t("fields.dailyHoursHint")}
        required
        maxLength={60}
        autoComplete="off"
        defaultValue={value("dailyHours", session?.dailyHours ?? "09:00–13:00")}
        error={error("dailyHours")}
      />
      <Field
        name="totalHours"
        inputMode="numeric"
        label={t("fields.totalHours")}
        required
        defaultValue={value("totalHours", session?.totalHours ?? 20)}
        error={error("totalHours")}
      />
      <Field
        name="place"
        label={t("fields.place")}
        required
        maxLength={300}
        autoComplete="off"
        defaultValue={value("place", session?.place)}
        error={error("place")}
      />
      <Field
        name="capacity"
        inputMode="numeric"
        label={t("fields.capacity")}
        hint={session ? t("fields.capacityHint") : undefined}
        required
        defaultValue={value("capacity", session?.capacity)}
        error={error("capacity")}
      />
      <div>
        <SubmitButton label={session ? t("save") : t("create")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}

/** R-INT-1: an FLE course of a faculty. */
export function FleCourseForm({
  components,
  defaultYear,
}: {
  components: { value: string; label: string }[];
  defaultYear: number;
}) {
  const t = useTranslations("integration.admin");
  const { failed, form, value, error } = useAdminForm(createFleCourseAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <SelectField
        name="componentId"
        label={t("fleFields.componentId")}
        placeholder={t("fleChoose")}
        options={components}
        required
        defaultValue={value("componentId", "")}
        error={error("componentId")}
      />
      <Field
        name="academicYear"
        id="fleAcademicYear"
        inputMode="numeric"
        label={t("fleFields.academicYear")}
        required
        defaultValue={value("academicYear", defaultYear)}
        error={error("academicYear")}
      />
      <Field
        name="title"
        id="fleTitle"
        label={t("fleFields.title")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={value("title", "")}
        error={error("title")}
      />
      <Field
        name="schedule"
        label={t("fleFields.schedule")}
        hint={t("fleFields.scheduleHint")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={value("schedule", "")}
        error={error("schedule")}
      />
      <Field
        name="place"
        id="flePlace"
        label={t("fleFields.place")}
        required
        maxLength={300}
        autoComplete="off"
        defaultValue={value("place", "")}
        error={error("place")}
      />
      <div>
        <SubmitButton label={t("fleCreate")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}

export function DeleteFleCourseForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("integration.admin");
  const { failed, formAction } = useFormAction(deleteFleCourseAction);
  return (
    <form action={formAction} noValidate>
      <FormAlert message={failed?.message} />
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmitButton
        label={t("fleDelete", { title })}
        pendingLabel={t("fleDeleting")}
        confirmation={t("fleDeleteConfirm")}
      />
    </form>
  );
}
