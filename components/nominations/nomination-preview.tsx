"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { EwpPreview } from "@/lib/nominations/rules";

export type Names = { partners: Record<string, string>; components: Record<string, string> };

/** R-ELI-2: what a nominations file holds, its errors by line and field, before anything is written. */
export function NominationPreview({ preview, names }: { preview: EwpPreview | undefined; names: Names }) {
  const t = useTranslations("nominations.import");
  const te = useTranslations("enums");
  return (
    <div aria-live="polite" className="flex flex-col gap-4">
      {preview && !preview.ok && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t(`file_${preview.problem}`, { columns: "columns" in preview ? (preview.columns ?? []).join(", ") : "" })}
        </p>
      )}
      {preview && !preview.ok && "schemaErrors" in preview && (
        <ul className="list-disc pl-6 text-sm">
          {preview.schemaErrors.map((error, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the validator's messages, in its order, never reordered
            <li key={index}>
              {error.line ? t("schemaErrorLine", { line: error.line, message: error.message }) : error.message}
            </li>
          ))}
        </ul>
      )}
      {preview?.ok && <p>{t("summary", { valid: preview.rows.length, errors: preview.errors.length })}</p>}
      {preview?.ok && preview.errors.length > 0 && (
        <DataTable
          caption={t("errorsCaption")}
          columns={[t("colRow"), t("colColumn"), t("colProblem")]}
          rows={preview.errors.map((error) => [error.row, error.column, t(`problem.${error.problem}`)])}
        />
      )}
      {preview?.ok && preview.rows.length > 0 && (
        <DataTable
          caption={t("rowsCaption")}
          columns={[t("colName"), t("colEmail"), t("colPartner"), t("colComponent"), t("colLevel"), t("colPeriod")]}
          rows={preview.rows
            .slice(0, 200)
            .map((row) => [
              row.studentName,
              row.email,
              names.partners[row.partnerId] ?? "",
              names.components[row.componentId] ?? "",
              te(`studyLevel.${row.studyLevel}`),
              `${te(`period.${row.period}`)} ${row.academicYear}-${row.academicYear + 1}`,
            ])}
        />
      )}
    </div>
  );
}
