"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { RouteErrorBody } from "@/lib/routes/error-body";

/**
 * One proof of an AMI application (the award letter, the disability proof): the current file
 * with its download link, and a file input with an upload button. The server checks the file
 * (lib/documents/rules.ts); its refusal is shown next to the field and announced.
 */
export function AmiProofUpload({
  applicationId,
  kind,
  label,
  current,
}: {
  applicationId: string;
  kind: "AWARD_LETTER" | "DISABILITY_PROOF";
  label: string;
  current: { id: string; originalName: string } | null;
}) {
  const t = useTranslations("ami.proofs");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [pending, setPending] = useState(false);

  async function upload(form: HTMLFormElement) {
    const body = new FormData(form);
    const file = body.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(t("chooseFile"));
      return;
    }
    setPending(true);
    setError(null);
    setStatus(t("uploading"));
    try {
      const response = await fetch(`/api/ami/documents?locale=${locale}`, { method: "POST", body });
      if (response.status === 201) {
        setStatus(t("uploaded", { name: file.name }));
        form.reset();
        router.refresh();
      } else {
        const answer = (await response.json().catch(() => null)) as RouteErrorBody | null;
        setStatus("");
        setError(answer?.error?.message ?? t("serverError"));
      }
    } catch {
      setStatus("");
      setError(t("serverError"));
    } finally {
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form
      className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void upload(event.currentTarget);
      }}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={`${id}-file`} className="font-medium">
        {label}
      </label>
      <p className="text-sm text-slate-700">
        {current ? (
          <>
            {t("current")}{" "}
            <a href={`/api/ami/documents/${current.id}`} className="text-brand underline">
              {current.originalName}
            </a>
          </>
        ) : (
          t("none")
        )}
      </p>
      <input
        id={`${id}-file`}
        name="file"
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <p role="status" className="text-sm">
        {status}
      </p>
      <div>
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark aria-disabled:opacity-70"
        >
          {current ? t("replace", { label }) : t("upload", { label })}
        </button>
      </div>
    </form>
  );
}
