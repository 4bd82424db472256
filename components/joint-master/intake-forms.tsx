"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { ConfirmedActionForm } from "@/components/ui/confirmed-action-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  approveThesisAction,
  clearStudentPathAction,
  createIntakeAction,
  fixStudentPathAction,
  importStudentsAction,
  publishRunAction,
  runAllocationAction,
  setSeatsAction,
} from "@/lib/joint-master/actions";

type Option = { value: string; label: string };

export function CreateIntakeForm() {
  const t = useTranslations("jointMaster.intakes");
  const { failed, form, value, error } = useAdminForm(createIntakeAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={120}
        defaultValue={value("name", "")}
        error={error("name")}
      />
      <div>
        <SubmitButton label={t("create")} pendingLabel={t("create")} />
      </div>
    </form>
  );
}

/** R-MOB-4: one partner's seats for one semester. */
export function SeatsForm(props: {
  intakeId: string;
  semester: 2 | 3;
  university: string;
  name: string;
  seats: number | null;
}) {
  const t = useTranslations("jointMaster.intake");
  const { failed, form, value, error } = useAdminForm(setSeatsAction);
  const id = `seats-${props.semester}-${props.university}`;
  return (
    <form {...form} className="flex flex-wrap items-end gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="intakeId" value={props.intakeId} />
      <input type="hidden" name="semester" value={props.semester} />
      <input type="hidden" name="university" value={props.university} />
      <Field
        id={id}
        name="seats"
        label={t("seatsLabel", { university: props.name, semester: props.semester })}
        hint={t("unlimited")}
        inputMode="numeric"
        defaultValue={value("seats", props.seats === null ? "" : String(props.seats))}
        error={error("seats")}
      />
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}

export function ImportStudentsForm({ intakeId }: { intakeId: string }) {
  const t = useTranslations("jointMaster.intake");
  const { failed, form, value, error } = useAdminForm(importStudentsAction);
  return (
    <form {...form} className="flex flex-col gap-4">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="intakeId" value={intakeId} />
      <TextAreaField
        name="csv"
        label={t("csv")}
        rows={8}
        required
        defaultValue={value("csv", "")}
        error={error("csv")}
      />
      <div>
        <SubmitButton label={t("import")} pendingLabel={t("importing")} />
      </div>
    </form>
  );
}

export function RunAllocationForm({ intakeId }: { intakeId: string }) {
  const t = useTranslations("jointMaster.intake");
  const { failed, formAction } = useFormAction(runAllocationAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="intakeId" value={intakeId} />
      <SubmitButton label={t("run")} pendingLabel={t("running")} />
    </form>
  );
}

/** The coordinator fixes one student's path (audited; the next run shows it as fixed). */
export function FixPathForm(props: { students: Option[]; semester2: Option[]; semester3: Option[] }) {
  const t = useTranslations("jointMaster.intake");
  const tc = useTranslations("jointMaster.student");
  const { failed, form, value, error } = useAdminForm(fixStudentPathAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <SelectField
        name="studentId"
        label={t("colStudent")}
        options={props.students}
        placeholder={tc("choose")}
        required
        defaultValue={value("studentId", "")}
        error={error("studentId")}
      />
      <SelectField
        name="semester2"
        label={t("semester2")}
        options={props.semester2}
        placeholder={tc("choose")}
        required
        defaultValue={value("semester2", "")}
        error={error("semester2")}
      />
      <SelectField
        name="semester3"
        label={t("semester3")}
        options={props.semester3}
        placeholder={tc("choose")}
        required
        defaultValue={value("semester3", "")}
        error={error("semester3")}
      />
      <div>
        <SubmitButton label={t("fix")} pendingLabel={t("fixing")} />
      </div>
    </form>
  );
}

export function ClearPathForm({ studentId, name }: { studentId: string; name: string }) {
  const t = useTranslations("jointMaster.intake");
  const { failed, formAction } = useFormAction(clearStudentPathAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="studentId" value={studentId} />
      <ConfirmSubmitButton
        label={t("clear")}
        pendingLabel={t("clearing")}
        confirmation={t("clearConfirm", { name })}
        variant="secondary"
        context={name}
      />
    </form>
  );
}

/** R-MOB-6: the board's approval of the thesis subject. */
export function ApproveThesisForm({ studentId, name }: { studentId: string; name: string }) {
  const t = useTranslations("jointMaster.intake");
  const { failed, formAction } = useFormAction(approveThesisAction);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="studentId" value={studentId} />
      <button type="submit" className="rounded border border-brand bg-white px-3 py-1 font-medium text-brand">
        {t("approve")}
        <span className="sr-only"> {name}</span>
      </button>
    </form>
  );
}

export function PublishRunForm({ runId, count }: { runId: string; count: number }) {
  const t = useTranslations("jointMaster.run");
  return (
    <ConfirmedActionForm
      action={publishRunAction}
      fields={{ runId }}
      label={t("publish")}
      pendingLabel={t("publishing")}
      confirmation={t("publishConfirm", { count })}
    />
  );
}
