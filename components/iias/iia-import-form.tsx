"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { PlannedIia } from "@/lib/iias/plan";
import type { RouteErrorBody } from "@/lib/routes/error-body";
import { BlockerList } from "./difference-list";

type Mode = "preview" | "apply" | "approval";

/**
 * Upload, preview, confirm. The file goes to a route (a partner's response may be larger than
 * an action accepts) and stays in the browser between the preview and the import, which
 * checks it all again: the preview writes nothing.
 */
export function IiaImportForm() {
  const t = useTranslations("iias.import");
  const locale = useLocale();
  const file = useRef<File | null>(null);
  const [preview, setPreview] = useState<PlannedIia[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState<Mode | null>(null);

  async function send(mode: Mode): Promise<Response | null> {
    if (!file.current) return null;
    const form = new FormData();
    form.set("file", file.current);
    form.set("mode", mode);
    setBusy(mode);
    setError(undefined);
    try {
      const response = await fetch(`/api/agreements/iia-import?locale=${locale}`, { method: "POST", body: form });
      if (response.ok) return response;
      const body = (await response.json().catch(() => null)) as RouteErrorBody | null;
      setError(body?.error?.message ?? t("serverError"));
      return null;
    } catch {
      setError(t("serverError"));
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function onPreview(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement;
    file.current = input.files?.[0] ?? null;
    setPreview(null);
    setDone(undefined);
    const response = await send("preview");
    if (response) setPreview(((await response.json()) as { iias: PlannedIia[] }).iias);
  }

  async function onConfirm() {
    const response = await send("apply");
    if (!response) return;
    const { agreementIds } = (await response.json()) as { agreementIds: string[] };
    setPreview(null);
    setDone(t("imported", { count: agreementIds.length }));
  }

  async function onApproval() {
    const response = await send("approval");
    if (!response) return;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = "iias-approval.xml";
    link.click();
    URL.revokeObjectURL(url);
  }

  const importable = preview !== null && preview.length > 0 && preview.every((iia) => iia.problems.length === 0);
  const approvable =
    preview !== null && preview.length > 0 && preview.every((iia) => iia.hashMatches && iia.validForApproval);
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onPreview} className="flex flex-col gap-4">
        <FormAlert message={error} />
        {done && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {done}
          </p>
        )}
        <Field name="file" type="file" accept=".xml,application/xml,text/xml" label={t("file")} required />
        <div>
          <button
            type="submit"
            aria-disabled={busy !== null}
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
          >
            {busy === "preview" ? t("previewing") : t("preview")}
          </button>
        </div>
      </form>
      {preview && (
        <section aria-labelledby="iia-preview" className="flex flex-col gap-4">
          <h2 id="iia-preview" className="text-2xl font-semibold">
            {t("previewHeading", { count: preview.length })}
          </h2>
          {preview.map((iia) => (
            <PlannedIiaView key={`${iia.partnerHeiId}/${iia.partnerIiaId}`} iia={iia} />
          ))}
          <div className="flex flex-wrap gap-4">
            {importable && (
              <button
                type="button"
                onClick={onConfirm}
                className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
              >
                {busy === "apply" ? t("confirming") : t("confirm")}
              </button>
            )}
            {approvable && (
              <button
                type="button"
                onClick={onApproval}
                className="rounded border border-brand px-4 py-2 font-medium text-brand"
              >
                {t("approval")}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function PlannedIiaView({ iia }: { iia: PlannedIia }) {
  const t = useTranslations("iias.import");
  return (
    <article className="flex flex-col gap-2 rounded border border-gray-300 p-4">
      <h3 className="text-xl font-semibold">{t("iiaHeading", { iiaId: iia.partnerIiaId, heiId: iia.partnerHeiId })}</h3>
      <p>{iia.partner ? t("partner", { name: iia.partner.name }) : t("partnerMissing", { heiId: iia.partnerHeiId })}</p>
      <p className="break-all">
        {iia.hashMatches
          ? t("hashOk", { hash: iia.computedHash })
          : t("hashMismatch", { declared: iia.declaredHash, computed: iia.computedHash })}
      </p>
      <details>
        <summary className="cursor-pointer text-brand underline">{t("textToHash")}</summary>
        <pre className="whitespace-pre-wrap break-all font-mono text-sm">{iia.textToHash}</pre>
      </details>
      {iia.validForApproval ? (
        <p>{t("approvable")}</p>
      ) : (
        <div>
          <p>{t("notApprovable")}</p>
          <BlockerList blockers={iia.blockers} />
        </div>
      )}
      {iia.problems.length > 0 && (
        <div>
          <h4 className="font-semibold">{t("problemsHeading")}</h4>
          <ul className="list-disc pl-6">
            {iia.problems.map((problem) => (
              <li key={problem}>{t(`problem.${problem}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <p>{iia.agreementId ? t("existingAgreement") : t("newAgreement")}</p>
      {iia.changes.length === 0 ? (
        <p>{t("noChange")}</p>
      ) : (
        <table className="w-full text-left">
          <caption className="text-left font-medium">{t("changesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colField")}</th>
              <th scope="col">{t("colBefore")}</th>
              <th scope="col">{t("colAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {iia.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{t(`field.${change.field}`)}</th>
                <td>{change.before || t("empty")}</td>
                <td>{change.after || t("empty")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
