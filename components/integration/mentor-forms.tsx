"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { addMentorTeacherAction, assignMentorAction } from "@/lib/integration/mentors/actions";

type Option = { value: string; label: string };

/** R-INT-2: a teacher of one of the viewer's faculties. */
export function AddTeacherForm({ faculties }: { faculties: Option[] }) {
  const t = useTranslations("integration.mentors");
  const { failed, form, value, error } = useAdminForm(addMentorTeacherAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      <SelectField
        name="componentId"
        label={t("fields.componentId")}
        placeholder={t("chooseFaculty")}
        options={faculties}
        required
        defaultValue={value("componentId", faculties.length === 1 ? faculties[0]!.value : "")}
        error={error("componentId")}
      />
      <Field
        name="name"
        label={t("fields.name")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={value("name", "")}
        error={error("name")}
      />
      <Field
        name="email"
        type="email"
        label={t("fields.email")}
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={value("email", "")}
        error={error("email")}
      />
      <Field
        name="contactNote"
        label={t("fields.contactNote")}
        hint={t("fields.contactNoteHint")}
        maxLength={300}
        autoComplete="off"
        defaultValue={value("contactNote", "")}
        error={error("contactNote")}
      />
      <div>
        <SubmitButton label={t("add")} pendingLabel={t("adding")} />
      </div>
    </form>
  );
}

/** R-INT-2: one teacher for every ticked student (a refusal keeps the ticks and the choice). */
export function AssignMentorForm({ teachers, students }: { teachers: Option[]; students: Option[] }) {
  const t = useTranslations("integration.mentors");
  const { failed, form, value, error, selected } = useAdminForm(assignMentorAction);
  const ticked = selected("applicationIds", []);
  return (
    <form {...form} className="flex flex-col gap-4">
      <FormAlert message={failed?.message} />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={error("applicationIds") ? "applicationIds-error" : undefined}
      >
        <legend className="font-medium">{t("studentsLegend")}</legend>
        {students.map((student) => (
          <div key={student.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`student-${student.value}`}
              name="applicationIds"
              value={student.value}
              defaultChecked={ticked.includes(student.value)}
              className="h-4 w-4"
            />
            <label htmlFor={`student-${student.value}`}>{student.label}</label>
          </div>
        ))}
        {error("applicationIds") && (
          <p id="applicationIds-error" className="text-red-800">
            {error("applicationIds")}
          </p>
        )}
      </fieldset>
      <SelectField
        name="teacherId"
        label={t("teacher")}
        placeholder={t("chooseTeacher")}
        options={teachers}
        required
        defaultValue={value("teacherId", "")}
        error={error("teacherId")}
      />
      <div>
        <SubmitButton label={t("assign")} pendingLabel={t("assigning")} />
      </div>
    </form>
  );
}
