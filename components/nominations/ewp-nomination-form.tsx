"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Names, NominationPreview } from "@/components/nominations/nomination-preview";
import { FormAlert } from "@/components/ui/form-alert";
import type { EwpPreview } from "@/lib/nominations/rules";

/**
 * R-ELI-2: a partner's EWP Outgoing Mobilities v3 file, checked against the official schema and
 * previewed, then applied as a whole (a route: the file may be larger than an action accepts).
 */
export function EwpNominationForm({ names }: { names: Names }) {
  const t = useTranslations("nominations.import");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<EwpPreview>();
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (mode: "preview" | "apply") => {
    if (!file) return;
    setBusy(true);
    setMessage(undefined);
    setDone(undefined);
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    try {
      const response = await fetch("/api/nominations/ewp-import", { method: "POST", body: form });
      const body = await response.json();
      if (!response.ok) setMessage(body.error?.message);
      else if (mode === "preview") setPreview(body.preview);
      else {
        setPreview(undefined);
        setDone(t("ewpRecorded", { count: body.count }));
      }
    } finally {
      setBusy(false);
    }
  };
  const clean = preview?.ok === true && preview.errors.length === 0 && preview.rows.length > 0;
  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={message} />
      {done && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("ewpFile")}</span>
        <input
          type="file"
          accept=".xml,application/xml,text/xml"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setPreview(undefined);
          }}
        />
      </label>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={!file || busy}
          onClick={() => send("preview")}
          className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-blue-50 disabled:opacity-60"
        >
          {t("ewpPreview")}
        </button>
        {clean && (
          <button
            type="button"
            disabled={busy}
            onClick={() => send("apply")}
            className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
          >
            {t("ewpConfirm", { count: preview.rows.length })}
          </button>
        )}
      </div>
      <NominationPreview preview={preview} names={names} />
    </div>
  );
}
