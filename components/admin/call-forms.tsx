"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { createCallAction, grantLateSubmissionAction, updateCallAction } from "@/lib/calls/actions";
import { Link } from "@/lib/i18n/navigation";

/** The dates as a datetime-local input shows them, in Paris time ("YYYY-MM-DDTHH:MM"). */
type CallDates = { opensAt: string; nominationDeadline: string; applicationDeadline: string };
type Option = { value: string; label: string };

/**
 * R-ELI-8: opens a call (year, period and dates) or, given `call`, changes its dates; the year
 * and period name the call and are not edited.
 */
export function CallForm({
  call,
  defaults,
  years,
  periods,
  components,
}: {
  call?: { id: string } & CallDates;
  defaults: { academicYear: string; period: string; componentIds: string[] } & CallDates;
  years: Option[];
  periods: Option[];
  /** The faculties a call may be limited to. */
  components: Option[];
}) {
  const t = useTranslations("calls.admin");
  const tc = useTranslations("admin.common");
  const { failed, form, value, selected, error } = useAdminForm(call ? updateCallAction : createCallAction);
  const saved = call ?? defaults;
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {call ? (
        <input type="hidden" name="id" value={call.id} />
      ) : (
        <>
          <SelectField
            name="academicYear"
            label={t("academicYear")}
            options={years}
            required
            defaultValue={value("academicYear", defaults.academicYear)}
            error={error("academicYear")}
          />
          <SelectField
            name="period"
            label={t("period")}
            options={periods}
            required
            defaultValue={value("period", defaults.period)}
            error={error("period")}
          />
        </>
      )}
      <Field
        name="opensAt"
        type="datetime-local"
        label={t("opensAt")}
        required
        defaultValue={value("opensAt", saved.opensAt)}
        error={error("opensAt")}
      />
      <Field
        name="nominationDeadline"
        type="datetime-local"
        label={t("nominationDeadline")}
        hint={t("nominationHint")}
        required
        defaultValue={value("nominationDeadline", saved.nominationDeadline)}
        error={error("nominationDeadline")}
      />
      <Field
        name="applicationDeadline"
        type="datetime-local"
        label={t("applicationDeadline")}
        hint={t("deadlineHint")}
        required
        defaultValue={value("applicationDeadline", saved.applicationDeadline)}
        error={error("applicationDeadline")}
      />
      <CheckboxGroup
        name="componentIds"
        legend={t("components")}
        hint={t("componentsHint")}
        options={components}
        defaultValues={selected("componentIds", defaults.componentIds)}
        error={error("componentIds")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
        <Link href="/admin/calls" className="font-medium text-brand underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** R-ELI-8: one student's exception to the deadline of this call, with its reason. */
export function LateSubmissionForm({ callId }: { callId: string }) {
  const t = useTranslations("calls.admin");
  const { failed, form, value, error } = useAdminForm(grantLateSubmissionAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4" aria-labelledby="late-submission-title">
      <h2 id="late-submission-title" className="text-xl font-semibold">
        {t("exceptionTitle")}
      </h2>
      <p>{t("exceptionIntro")}</p>
      <FormAlert message={failed?.message} />
      <input type="hidden" name="callId" value={callId} />
      <Field
        name="email"
        type="email"
        label={t("exceptionEmail")}
        required
        autoComplete="off"
        defaultValue={value("email", "")}
        error={error("email")}
      />
      <Field
        name="reason"
        label={t("exceptionReason")}
        required
        maxLength={500}
        defaultValue={value("reason", "")}
        error={error("reason")}
      />
      <div>
        <SubmitButton label={t("exceptionSubmit")} pendingLabel={t("exceptionSubmit")} />
      </div>
    </form>
  );
}
