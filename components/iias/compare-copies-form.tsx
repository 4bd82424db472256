"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormState } from "@/lib/actions/result";
import type { CopiesExplanation } from "@/lib/iias/explain";
import { BlockerList, DifferenceList } from "./difference-list";

type Props = {
  action: (state: FormState<CopiesExplanation>, form: FormData) => Promise<ActionResult<CopiesExplanation>>;
};

/** ★ The mismatch explainer: two files in, the differences out, in the user's language. */
export function CompareCopiesForm({ action }: Props) {
  const t = useTranslations("iias");
  const [state, formAction] = useActionState(action, null as FormState<CopiesExplanation>);
  const failed = state && !state.ok ? state : null;
  const result = state?.ok ? state.data : null;
  return (
    <div className="flex flex-col gap-6">
      <form action={formAction} className="flex flex-col gap-4" encType="multipart/form-data">
        <FormAlert message={failed?.message} />
        <Field
          name="ours"
          type="file"
          accept=".xml,application/xml,text/xml"
          label={t("compare.ours")}
          error={failed?.fieldErrors.ours}
          required
        />
        <Field
          name="theirs"
          type="file"
          accept=".xml,application/xml,text/xml"
          label={t("compare.theirs")}
          error={failed?.fieldErrors.theirs}
          required
        />
        <div>
          <SubmitButton label={t("compare.submit")} pendingLabel={t("compare.pending")} />
        </div>
      </form>
      {result && <Explanation result={result} />}
    </div>
  );
}

function Explanation({ result }: { result: CopiesExplanation }) {
  const t = useTranslations("iias");
  const changes = result.differences.filter((difference) => difference.changesHash);
  const neutral = result.differences.filter((difference) => !difference.changesHash);
  return (
    <section aria-labelledby="comparison-result" className="flex flex-col gap-4" aria-live="polite">
      <h2 id="comparison-result" className="text-2xl font-semibold">
        {t("result.heading")}
      </h2>
      <table className="w-full text-left">
        <caption className="text-left font-medium">{t("result.hashesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("result.colCopy")}</th>
            <th scope="col">{t("result.colIiaId")}</th>
            <th scope="col">{t("result.colHash")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("result.ours")}</th>
            <td>{result.oursIiaId}</td>
            <td className="break-all font-mono">{result.oursHash}</td>
          </tr>
          <tr>
            <th scope="row">{t("result.theirs")}</th>
            <td>{result.theirsIiaId}</td>
            <td className="break-all font-mono">{result.theirsHash}</td>
          </tr>
        </tbody>
      </table>
      <p className="break-all">
        {result.theirsDeclaredMismatch
          ? t("result.declaredMismatch", { declared: result.theirsDeclaredHash ?? "", computed: result.theirsHash })
          : t("result.declaredOk")}
      </p>
      <h3 className="text-xl font-semibold">{t("result.changesHashHeading")}</h3>
      <DifferenceList differences={changes} />
      <h3 className="text-xl font-semibold">{t("result.noHashChangeHeading")}</h3>
      <DifferenceList differences={neutral} />
      <h3 className="text-xl font-semibold">{t("result.approvalHeading")}</h3>
      {(["ours", "theirs"] as const).map((side) => {
        const blockers = side === "ours" ? result.oursBlockers : result.theirsBlockers;
        return blockers.length === 0 ? (
          <p key={side}>{t("result.approvable", { side })}</p>
        ) : (
          <div key={side}>
            <p>{t("result.notApprovable", { side })}</p>
            <BlockerList blockers={blockers} />
          </div>
        );
      })}
    </section>
  );
}
