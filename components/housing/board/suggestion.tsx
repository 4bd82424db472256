"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DataTable } from "@/components/ui/data-table";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmHousingSuggestionAction, suggestHousingAction } from "@/lib/housing/board/actions";
import type { Proposal } from "@/lib/housing/board/rules";
import { type NamedDossier, studentListName } from "@/lib/student-name";

const shownRows = 200;

/** "Suggest decisions": shows the proposals with their reasons; "Confirm" applies exactly them. */
export function BoardSuggestion({ roundId }: { roundId: string }) {
  const t = useTranslations("housingBoard");
  const tr = useTranslations("review");
  const nameOf = (student: NamedDossier | undefined) =>
    student ? studentListName(student, (reference) => tr("anonymisedStudent", { reference })) : "—";
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{
    proposals: Proposal[];
    fingerprint: string;
    students: Record<string, NamedDossier>;
  } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const confirm = useFormAction(confirmHousingSuggestionAction);

  function suggest() {
    startTransition(async () => {
      const answer = await suggestHousingAction({ roundId });
      if (answer.ok) {
        setResult(answer.data);
        setError(undefined);
      } else setError(answer.message);
    });
  }

  const accepted = result?.proposals.filter((proposal) => proposal.decision === "ACCEPTED").length ?? 0;
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={error ?? confirm.failed?.message} />
      <div>
        <button
          type="button"
          onClick={suggest}
          aria-disabled={pending}
          className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
        >
          {pending ? t("suggesting") : t("suggest")}
        </button>
      </div>
      <div aria-live="polite">
        {result && result.proposals.length === 0 && <p>{t("noPending")}</p>}
        {result && result.proposals.length > 0 && (
          <div className="flex flex-col gap-3">
            <p>{t("suggestionSummary", { accepted, waitlisted: result.proposals.length - accepted })}</p>
            <DataTable
              caption={t("suggestionCaption", {
                shown: Math.min(shownRows, result.proposals.length),
                total: result.proposals.length,
              })}
              columns={[t("col.student"), t("col.decision")]}
              rows={result.proposals.slice(0, shownRows).map((proposal) => [
                nameOf(result.students[proposal.housingRequestId]),
                proposal.decision === "ACCEPTED"
                  ? t("reason.accepted", {
                      position: proposal.reason.position,
                      residence: proposal.reason.residence,
                      left: proposal.reason.left,
                    })
                  : t(`reason.${proposal.reason.key}`, {
                      position: proposal.reason.position,
                      waitlistPosition: proposal.reason.waitlistPosition,
                    }),
              ])}
            />
            <form action={confirm.formAction}>
              <input type="hidden" name="roundId" value={roundId} />
              <input type="hidden" name="fingerprint" value={result.fingerprint} />
              <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
            </form>
          </div>
        )}
      </div>
    </div>
  );
}
