"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import {
  acceptAttribute,
  checkUpload,
  megabytes,
  refusalCodes,
  sizeForDisplay,
  sniffLength,
} from "@/lib/documents/rules";
import type { DocumentSummary } from "@/lib/documents/summary";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import type { RouteErrorBody } from "@/lib/routes/error-body";

export type UploadedDocument = Pick<DocumentSummary, "id" | "originalName" | "size">;

interface DocumentUploadProps {
  kind: DocumentKind;
  /** Required kinds say so in their hint (lib/applications/rules.ts requiredDocuments). */
  required: boolean;
  /** The current document of this kind, if any. */
  document: UploadedDocument | null;
  /** UPLOAD_MAX_BYTES (getUploadMaxBytes() in lib/documents/queries.ts). */
  maxBytes: number;
  /** False once the application is submitted: the file is shown, nothing can be changed. */
  editable?: boolean;
  /** False where the file may only be replaced (R-MSG-7: a document to replace after submission). */
  removable?: boolean;
}

type Phase =
  | { name: "idle" }
  | { name: "uploading"; fileName: string; percent: number | null }
  | { name: "confirmingRemoval" }
  | { name: "removing" };

/**
 * One document of the student's application: its label (the kind's name), the current file
 * with a download link, and a file input that uploads as soon as a file is chosen (a new file
 * replaces the current one), with a progress bar, a cancel button, errors next to the field
 * and status messages announced to screen readers.
 */
export function DocumentUpload({
  kind,
  required,
  document: initialDocument,
  maxBytes,
  editable = true,
  removable = editable,
}: DocumentUploadProps) {
  const t = useTranslations("documents");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-file`;
  const hintId = `${id}-hint`;
  const currentId = `${id}-current`;
  const errorId = `${id}-error`;
  const progressId = `${id}-progress`;

  const [current, setCurrent] = useState<UploadedDocument | null>(initialDocument);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);

  // Leaving the page (or the step) stops an upload in flight.
  useEffect(
    () => () => {
      const inFlight = request.current;
      request.current = null;
      inFlight?.abort();
    },
    [],
  );

  useEffect(() => {
    if (phase.name === "confirmingRemoval") confirmRef.current?.focus();
  }, [phase.name]);

  const maxMb = megabytes(maxBytes);
  const formatHint = t(kind === "PHOTO" ? "photoFormatHint" : "formatHint", { maxMb });

  function size(bytes: number): string {
    const { value, unit } = sizeForDisplay(bytes);
    return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 });
  }

  function fail(message: string) {
    setPhase({ name: "idle" });
    setStatus("");
    setError(message);
  }

  // The progress bar and its cancel button go away when the upload ends: focus that was on
  // the button comes back to the file input rather than being lost.
  function keepFocus() {
    if (window.document.activeElement === cancelRef.current) inputRef.current?.focus();
  }

  async function upload(file: File) {
    // A newer choice replaces an upload in flight, silently.
    const previous = request.current;
    request.current = null;
    previous?.abort();
    setError(null);
    // The same rules as the server, for an answer before sending megabytes; the server checks again.
    const head = new Uint8Array(await file.slice(0, sniffLength).arrayBuffer());
    const check = checkUpload({ kind, size: file.size, head, maxBytes });
    if (!check.ok) {
      fail(tErrors(refusalCodes[check.reason], { maxMb, name: file.name }));
      return;
    }

    const xhr = new XMLHttpRequest();
    request.current = xhr;
    const body = new FormData();
    body.append("kind", kind);
    body.append("file", file);
    setPhase({ name: "uploading", fileName: file.name, percent: 0 });
    setStatus(t("uploading", { name: file.name }));

    xhr.upload.addEventListener("progress", (event) => {
      if (request.current !== xhr) return;
      const percent = event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null;
      setPhase({ name: "uploading", fileName: file.name, percent });
    });
    xhr.addEventListener("load", () => {
      if (request.current !== xhr) return;
      request.current = null;
      keepFocus();
      if (xhr.status === 201) {
        const { document } = xhr.response as { document: UploadedDocument };
        setCurrent(document);
        setPhase({ name: "idle" });
        setStatus(t("uploaded", { name: document.originalName }));
        router.refresh();
      } else {
        // A refusal says why in the routes' error body; a proxy's error page is not JSON.
        fail((xhr.response as RouteErrorBody | null)?.error?.message ?? t("serverError"));
      }
    });
    xhr.addEventListener("error", () => {
      if (request.current !== xhr) return;
      request.current = null;
      keepFocus();
      fail(t("networkError"));
    });
    xhr.addEventListener("abort", () => {
      if (request.current !== xhr) return; // replaced by a newer upload
      request.current = null;
      keepFocus();
      setPhase({ name: "idle" });
      setStatus(t("cancelled"));
    });
    xhr.open("POST", `/api/documents?locale=${locale}`);
    xhr.responseType = "json";
    xhr.send(body);
  }

  async function remove() {
    if (!current) return;
    const removed = current;
    setPhase({ name: "removing" });
    setError(null);
    try {
      const response = await fetch(`/api/documents/${removed.id}?locale=${locale}`, { method: "DELETE" });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as RouteErrorBody | null;
        fail(answer?.error?.message ?? t("serverError"));
        inputRef.current?.focus();
        return;
      }
      setCurrent(null);
      setPhase({ name: "idle" });
      setStatus(t("removed", { name: removed.originalName }));
      inputRef.current?.focus();
      router.refresh();
    } catch {
      fail(t("networkError"));
      inputRef.current?.focus();
    }
  }

  const busy = phase.name === "uploading" || phase.name === "removing";
  const describedBy = [hintId, currentId, error ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4">
      {editable ? (
        <label htmlFor={inputId} className="font-medium">
          {t(`kind.${kind}`)}
        </label>
      ) : (
        <p className="font-medium">{t(`kind.${kind}`)}</p>
      )}
      <p id={hintId} className="text-sm text-slate-700">
        {t(required ? "required" : "optional")} {t(`kindHint.${kind}`)} {editable && formatHint}
      </p>

      <p id={currentId} className="text-sm">
        {current ? (
          <>
            {t("current")}{" "}
            <a href={`/api/documents/${current.id}`} className="font-medium text-brand underline hover:text-brand-dark">
              <span className="sr-only">{t("downloadPrefix")} </span>
              {current.originalName}
            </a>{" "}
            <span className="text-slate-700">({size(current.size)})</span>
            {editable && <span className="sr-only"> {t("replaceHint")}</span>}
          </>
        ) : (
          t("none")
        )}
      </p>

      {editable && (
        <input
          ref={inputRef}
          id={inputId}
          name="file"
          type="file"
          accept={acceptAttribute(kind)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Emptied, so that choosing the same file again (after an error) fires a change.
            event.currentTarget.value = "";
            if (file) void upload(file);
          }}
          className="max-w-full rounded border border-slate-500 bg-white p-2 text-sm aria-[invalid=true]:border-red-700 file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-medium"
        />
      )}

      {phase.name === "uploading" && (
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={progressId} className="text-sm">
            {t("uploading", { name: phase.fileName })}
          </label>
          <progress id={progressId} max={100} value={phase.percent ?? undefined} className="h-3 w-48">
            {phase.percent ?? 0}%
          </progress>
          <span className="text-sm tabular-nums" aria-hidden="true">
            {phase.percent !== null && `${phase.percent} %`}
          </span>
          <button
            ref={cancelRef}
            type="button"
            onClick={() => request.current?.abort()}
            className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100"
          >
            {t("cancel")}
          </button>
        </div>
      )}

      <p id={errorId} aria-live="assertive" className={error ? "text-sm font-medium text-red-800" : "sr-only"}>
        {error}
      </p>
      <p
        role="status"
        aria-live="polite"
        className={status && phase.name !== "uploading" ? "text-sm text-slate-800" : "sr-only"}
      >
        {status}
      </p>

      {editable && removable && current && phase.name !== "uploading" && (
        <div className="flex flex-wrap items-center gap-3">
          {phase.name === "confirmingRemoval" || phase.name === "removing" ? (
            <>
              <span className="text-sm">{t("removeQuestion", { name: current.originalName })}</span>
              <button
                ref={confirmRef}
                type="button"
                aria-disabled={busy}
                onClick={() => !busy && void remove()}
                className="rounded bg-red-800 px-3 py-1 text-sm font-medium text-white hover:bg-red-900 aria-disabled:opacity-70"
              >
                {t("confirmRemove")}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (busy) return;
                  setPhase({ name: "idle" });
                  requestAnimationFrame(() => removeRef.current?.focus());
                }}
                className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100"
              >
                {t("keep")}
              </button>
            </>
          ) : (
            <button
              ref={removeRef}
              type="button"
              onClick={() => setPhase({ name: "confirmingRemoval" })}
              className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100"
            >
              {t("remove")}
              <span className="sr-only"> {current.originalName}</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
