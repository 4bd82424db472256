import { getTranslations } from "next-intl/server";
import { DocumentUploads } from "@/components/documents/document-uploads";
import { getViewer } from "@/lib/auth/viewer";
import { Link } from "@/lib/i18n/navigation";

/** Uploads start as soon as a file is chosen; nothing to save on this step. */
export async function DocumentsStep({ applicationId, locale }: { applicationId: string | null; locale: "fr" | "en" }) {
  const t = await getTranslations({ locale, namespace: "apply" });
  if (!applicationId) {
    return (
      <p className="rounded border border-amber-400 bg-amber-50 p-3">
        {t("documents.needDraft")}{" "}
        <Link href="/apply/identity" className="text-brand underline">
          {t("steps.identity")}
        </Link>
      </p>
    );
  }
  const viewer = await getViewer();
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>{t("documents.intro")}</p>
      <DocumentUploads applicationId={applicationId} editable viewer={viewer ?? undefined} />
      <p>
        <Link
          href="/apply/submit"
          className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
        >
          {t("documents.continue")}
        </Link>
      </p>
    </div>
  );
}
