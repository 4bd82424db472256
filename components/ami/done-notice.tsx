import { getTranslations } from "next-intl/server";

const notices = ["saved", "submitted", "submittedLate", "decided", "ratesSaved"] as const;

/** The confirmation after an AMI action brought the user back to the page. */
export async function AmiDoneNotice({ done }: { done?: string | string[] }) {
  const key = notices.find((notice) => notice === done);
  if (!key) return null;
  const t = await getTranslations("ami.done");
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {t(key)}
    </p>
  );
}
