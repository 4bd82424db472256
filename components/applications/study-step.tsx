"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { StepForm, type StepValues } from "@/components/applications/step-form";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { saveStudyAction } from "@/lib/applications/actions";

type Option = { value: string; label: string };
export type CourseRow = { title: string; ects: string; semester: string };
type KeyedRow = CourseRow & { key: number };
const emptyRow: CourseRow = { title: "", ects: "", semester: "S1" };

interface StudyStepProps {
  saved: StepValues;
  savedCourses: CourseRow[];
  components: Option[];
  programmes: (Option & { componentId: string; level: string; doubleDegree: boolean })[];
  levels: Option[];
  periods: Option[];
  years: Option[];
}

export function StudyStep({ saved, savedCourses, components, programmes, levels, periods, years }: StudyStepProps) {
  const t = useTranslations("apply");
  const [componentId, setComponentId] = useState(saved.componentId ?? "");
  const [level, setLevel] = useState(saved.studyLevel ?? "");
  // Held here, outside the form that remounts after each answer, so typed rows survive a refusal.
  const [rows, setRows] = useState<KeyedRow[]>(() =>
    (savedCourses.length ? savedCourses : [emptyRow]).map((row, index) => ({ ...row, key: index })),
  );
  // Programmes of the chosen faculty and level; the server checks the same (programmeNotInComponent).
  const choices = programmes.filter(
    (programme) => (!componentId || programme.componentId === componentId) && (!level || programme.level === level),
  );
  return (
    <StepForm action={saveStudyAction} saved={saved}>
      {(field) => (
        <>
          <SelectField
            name="componentId"
            label={t("study.componentId")}
            options={components}
            placeholder={t("choose")}
            required
            {...field("componentId")}
            onChange={(event) => setComponentId(event.target.value)}
          />
          <SelectField
            name="studyLevel"
            label={t("study.studyLevel")}
            options={levels}
            placeholder={t("choose")}
            required
            {...field("studyLevel")}
            onChange={(event) => setLevel(event.target.value)}
          />
          <SelectField
            name="programmeId"
            label={t("study.programmeId")}
            // The hint agrees with the list: double degrees offered here are applied for here.
            hint={t(
              programmes.some((programme) => programme.doubleDegree)
                ? "study.programmeHintDouble"
                : "study.programmeHint",
            )}
            options={choices}
            placeholder={t("study.noProgramme")}
            {...field("programmeId")}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField
              name="period"
              label={t("study.period")}
              options={periods}
              placeholder={t("choose")}
              required
              {...field("period")}
            />
            <SelectField
              name="academicYear"
              label={t("study.academicYear")}
              options={years}
              placeholder={t("choose")}
              required
              {...field("academicYear")}
            />
          </div>
          <CourseRows
            rows={rows}
            setRows={setRows}
            error={field("plannedCourses").error}
            rowError={(index, column) => field(`plannedCourses.${index}.${column}`).error}
          />
        </>
      )}
    </StepForm>
  );
}

/** R-ELI-5: the planned courses, as many rows as needed (parallel fields courseTitle/courseEcts/courseSemester). */
function CourseRows(props: {
  rows: KeyedRow[];
  setRows: (update: (rows: KeyedRow[]) => KeyedRow[]) => void;
  error?: string;
  rowError: (index: number, column: keyof CourseRow) => string | undefined;
}) {
  const { rows, setRows, error, rowError } = props;
  const t = useTranslations("apply.study");
  const semesters = [
    { value: "S1", label: "S1" },
    { value: "S2", label: "S2" },
  ];
  const update = (key: number, column: keyof CourseRow, value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [column]: value } : row)));
  const total = rows.reduce((sum, row) => sum + (Number.parseInt(row.ects, 10) || 0), 0);
  return (
    <fieldset
      className="flex flex-col gap-3"
      aria-describedby={["courses-hint", error ? "courses-error" : ""].filter(Boolean).join(" ")}
    >
      <legend className="mb-1 text-lg font-semibold">{t("coursesLegend")}</legend>
      <p id="courses-hint" className="text-sm text-slate-700">
        {t("coursesHint")}
      </p>
      {rows.map((row, index) => (
        <div
          key={row.key}
          className="grid items-start gap-3 rounded border border-slate-300 bg-white p-3 sm:grid-cols-[1fr_8rem_8rem_auto]"
        >
          <Field
            id={`courseTitle-${row.key}`}
            name="courseTitle"
            label={t("courseTitle", { number: index + 1 })}
            value={row.title}
            onChange={(event) => update(row.key, "title", event.target.value)}
            error={rowError(index, "title")}
          />
          <Field
            id={`courseEcts-${row.key}`}
            name="courseEcts"
            type="number"
            min={1}
            max={30}
            inputMode="numeric"
            label={t("courseEcts", { number: index + 1 })}
            value={row.ects}
            onChange={(event) => update(row.key, "ects", event.target.value)}
            error={rowError(index, "ects")}
          />
          <SelectField
            id={`courseSemester-${row.key}`}
            name="courseSemester"
            label={t("courseSemester", { number: index + 1 })}
            options={semesters}
            value={row.semester}
            onChange={(event) => update(row.key, "semester", event.target.value)}
          />
          <button
            type="button"
            className="self-end rounded border border-slate-500 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-50"
            onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
            disabled={rows.length === 1}
          >
            {t("removeCourse", { number: index + 1 })}
          </button>
        </div>
      ))}
      {error && (
        <p id="courses-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <p aria-live="polite" className="text-sm">
        {t("totalEcts", { total })}
      </p>
      <div>
        <button
          type="button"
          className="rounded border border-brand px-3 py-2 font-medium text-brand hover:bg-blue-50"
          onClick={() =>
            setRows((current) => [...current, { ...emptyRow, key: Math.max(-1, ...current.map((row) => row.key)) + 1 }])
          }
        >
          {t("addCourse")}
        </button>
      </div>
    </fieldset>
  );
}
