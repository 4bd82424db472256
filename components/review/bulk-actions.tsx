"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { decideInBulkAction, selectMatchingAction } from "@/lib/applications/bulk/actions";
import { type BulkOutcome, bulkChunkSize, bulkDecisions, bulkSelectionLimit } from "@/lib/applications/bulk/rules";
import { sendStaffMessageToManyAction } from "@/lib/conversation/actions";
import { bulkMessageChunkSize, messageMaxLength } from "@/lib/conversation/rules";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

type Item = { id: string; status: ApplicationStatus };

/** What the bar offers: the bulk decisions, or one message posted into each dossier's thread (R-MSG-9). */
const bulkChoices = [...bulkDecisions, "sendMessage"] as const;
type BulkChoice = (typeof bulkChoices)[number];

export const bulkFormId = "bulk-form";

/**
 * Bulk work on the queue: the ticked rows (their checkboxes belong to this form through
 * form="bulk-form") or all dossiers matching the filters, sent chunk by chunk so that a large
 * selection shows its progress; the answer says what was done and what was left alone.
 */
export function BulkActions({
  filters,
  documentKinds,
}: {
  filters: Record<string, string>;
  documentKinds: { value: string; label: string }[];
}) {
  const t = useTranslations("bulk");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [decision, setDecision] = useState<BulkChoice>("startReview");
  const [error, setError] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<{ choice: BulkChoice; tally: Record<BulkOutcome, number> } | null>(null);
  const busy = progress !== null && summary === null && !error.message;

  async function run(items: Item[]) {
    const data = new FormData(form.current!);
    const documents = data.getAll("documents").map(String);
    const message = String(data.get("message") ?? "");
    const body = String(data.get("body") ?? "");
    const choice = decision;
    const tally: Record<BulkOutcome, number> = { done: 0, changed: 0, notApplicable: 0 };
    const chunkSize = choice === "sendMessage" ? bulkMessageChunkSize : bulkChunkSize;
    setProgress({ done: 0, total: items.length });
    for (let start = 0; start < items.length; start += chunkSize) {
      const chunk = items.slice(start, start + chunkSize);
      const result =
        choice === "sendMessage"
          ? await sendStaffMessageToManyAction({ applicationIds: chunk.map((item) => item.id), body })
          : await decideInBulkAction({ decision: choice, items: chunk, documents, message });
      if (!result.ok) {
        setError({ message: result.message, fields: result.fieldErrors });
        break;
      }
      if ("sent" in result.data) tally.done += result.data.sent;
      else for (const key of Object.keys(tally) as BulkOutcome[]) tally[key] += result.data.tally[key];
      setProgress({ done: start + chunk.length, total: items.length });
    }
    setSummary({ choice, tally });
    router.refresh();
  }

  async function applySelected(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const items = new FormData(form.current!)
      .getAll("item")
      .map(String)
      .map((value) => {
        const [id, status] = value.split(":");
        return { id: id!, status: status as ApplicationStatus };
      });
    if (items.length === 0) return setError({ message: t("noneSelected"), fields: {} });
    await run(items);
  }

  async function applyMatching() {
    reset();
    const result = await selectMatchingAction(filters);
    if (!result.ok) return setError({ message: result.message, fields: result.fieldErrors });
    if (result.data.tooMany) return setError({ message: t("tooMany", { limit: bulkSelectionLimit }), fields: {} });
    await run(result.data.items);
  }

  function reset() {
    setError({ fields: {} });
    setSummary(null);
    setProgress(null);
  }

  return (
    <section aria-labelledby="bulk-title" className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h2 id="bulk-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <form id={bulkFormId} ref={form} onSubmit={applySelected} className="flex flex-col gap-3">
        <FormAlert message={error.message} />
        <SelectField
          name="decision"
          label={t("decision")}
          options={bulkChoices.map((value) => ({ value, label: t(`decisions.${value}`) }))}
          value={decision}
          onChange={(event) => setDecision(event.target.value as BulkChoice)}
        />
        {decision === "sendMessage" && (
          <TextAreaField
            name="body"
            label={t("body")}
            hint={t("bodyHint")}
            maxLength={messageMaxLength}
            error={error.fields.body}
          />
        )}
        {decision === "requestChanges" && (
          <>
            <CheckboxGroup
              name="documents"
              legend={t("documents")}
              options={documentKinds}
              error={error.fields.documents}
            />
            <TextAreaField
              name="message"
              label={t("message")}
              hint={t("messageHint")}
              maxLength={4000}
              error={error.fields.message}
            />
          </>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
          >
            {t("applySelected")}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={applyMatching}
            className="rounded border border-brand px-4 py-2 font-medium text-brand disabled:opacity-60"
          >
            {t("applyMatching")}
          </button>
        </div>
        {progress && (
          <div className="flex flex-col gap-1">
            <progress
              aria-label={t("progress")}
              value={progress.done}
              max={Math.max(progress.total, 1)}
              className="w-full"
            />
            <p role="status">
              {summary
                ? summary.choice === "sendMessage"
                  ? t("messageSummary", { done: summary.tally.done })
                  : t("summary", summary.tally)
                : t("progressText", { done: progress.done, total: progress.total })}
            </p>
          </div>
        )}
      </form>
    </section>
  );
}
