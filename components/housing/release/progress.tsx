"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { RoundReleaseProgress } from "@/lib/housing/release/queries";

const pollEveryMs = 1000;

/**
 * The progress of a round's decision e-mails. While their job waits or runs (on any worker),
 * it reads the counts every second from /api/housing/rounds/[id]/progress; when the sending
 * ends it refreshes the page (uncertain list, "send the remaining" button).
 * Screen readers hear each quarter and the end (role=status), not every second.
 */
export function ReleaseProgress({ roundId, initial }: { roundId: string; initial: RoundReleaseProgress }) {
  const t = useTranslations("housingRelease.progress");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const active = progress.running || progress.sending > 0;
  const wasActive = useRef(active);
  const quarter = useRef(quarterOf(initial));

  // A server refresh brings newer counts.
  useEffect(() => setProgress(initial), [initial]);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/housing/rounds/${roundId}/progress`, { cache: "no-store" });
        if (response.ok && !stopped) setProgress((await response.json()) as RoundReleaseProgress);
      } catch {
        // A network blip: the next tick tries again.
      }
      if (!stopped) timer = setTimeout(poll, pollEveryMs);
    };
    timer = setTimeout(poll, pollEveryMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, roundId]);

  useEffect(() => {
    const values = { notified: progress.notified, decided: progress.decided };
    if (wasActive.current && !active) {
      setAnnouncement(t("finished", values));
      router.refresh();
    } else if (active && quarterOf(progress) > quarter.current) {
      setAnnouncement(t("announce", values));
    }
    wasActive.current = active;
    quarter.current = quarterOf(progress);
  }, [active, progress, router, t]);

  const id = `mail-progress-${roundId}`;
  if (progress.decided === 0) return <p>{t("nothing")}</p>;
  const details = [
    progress.sending > 0 ? t("sending", { count: progress.sending }) : null,
    progress.remaining > 0 ? t("remaining", { count: progress.remaining }) : null,
    progress.failed > 0 ? t("failed", { count: progress.failed }) : null,
    progress.uncertain > 0 ? t("uncertain", { count: progress.uncertain }) : null,
  ].filter((detail): detail is string => detail !== null);

  return (
    <div className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4">
      <label htmlFor={id} className="font-medium">
        {t("label")}
      </label>
      <progress
        id={id}
        max={progress.decided}
        value={progress.notified}
        aria-describedby={`${id}-summary`}
        className="h-4 w-full accent-brand"
      >
        {t("summary", { notified: progress.notified, decided: progress.decided })}
      </progress>
      <p id={`${id}-summary`}>
        <strong>{t("summary", { notified: progress.notified, decided: progress.decided })}</strong>{" "}
        {active
          ? t("running")
          : progress.notified === progress.decided
            ? t("done")
            : progress.remaining > 0
              ? t("stopped")
              : null}
      </p>
      {details.length > 0 && (
        <ul className="list-disc pl-6 text-sm">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function quarterOf(progress: { notified: number; decided: number }): number {
  return progress.decided === 0 ? 4 : Math.floor((progress.notified / progress.decided) * 4);
}
