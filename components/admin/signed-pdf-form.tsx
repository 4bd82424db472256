"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useRouter } from "@/lib/i18n/navigation";
import type { RouteErrorBody } from "@/lib/routes/error-body";

/**
 * Attaches or replaces the signed agreement (PDF). The file goes to a route, not an action: a
 * scan is often larger than an action's body limit. The server checks the content; the page
 * is refreshed on success so the history and the download link show the new file.
 */
export function SignedPdfForm({ agreementId }: { agreementId: string }) {
  const t = useTranslations("admin.agreements");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const body = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const response = await fetch(`/api/agreements/${agreementId}/signed-pdf?locale=${locale}`, {
        method: "POST",
        body,
      });
      if (response.ok) {
        setDone(true);
        router.refresh();
        return;
      }
      const refusal = (await response.json().catch(() => null)) as RouteErrorBody | null;
      setError(refusal?.error?.message ?? t("signedPdfServerError"));
    } catch {
      setError(t("signedPdfServerError"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormAlert message={error} />
      {done && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t("signedPdfSaved")}
        </p>
      )}
      <Field
        name="file"
        type="file"
        accept=".pdf,application/pdf"
        label={t("signedPdfFile")}
        hint={t("signedPdfHint")}
        required
      />
      <div>
        <button
          type="submit"
          aria-disabled={busy}
          className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark aria-disabled:opacity-70"
        >
          {busy ? t("signedPdfUploading") : t("signedPdfUpload")}
        </button>
      </div>
    </form>
  );
}
