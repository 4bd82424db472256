import { getFormatter, getTranslations } from "next-intl/server";
import { DocumentChecklistForm } from "@/components/review/document-checklist-form";
import { optionalDocuments, requiredDocuments } from "@/lib/applications/rules";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { listDocumentsForViewer } from "@/lib/documents/queries";
import { previewKind, sizeForDisplay } from "@/lib/documents/rules";

/**
 * The reviewers' documents of a dossier: each with its download link, a preview in the page
 * (R-MSG-8: PDF in a frame, images as images, both from the same authorised route, inline and
 * sandboxed; opened on demand so that a page of passports is not fetched at once) and its
 * checklist line (R-MSG-6). Missing required kinds are listed as such.
 */
export async function DocumentReviewList({ applicationId, viewer }: { applicationId: string; viewer: DocumentViewer }) {
  const [documents, t, tc, format] = await Promise.all([
    listDocumentsForViewer(applicationId, viewer),
    getTranslations("documents"),
    getTranslations("review.checklist"),
    getFormatter(),
  ]);
  const byKind = new Map(documents.map((document) => [document.kind, document]));
  const kinds = [...requiredDocuments, ...optionalDocuments.filter((kind) => byKind.has(kind))];
  return (
    <ul className="flex flex-col gap-4">
      {kinds.map((kind) => {
        const label = t(`kind.${kind}`);
        const document = byKind.get(kind);
        if (!document) {
          return (
            <li key={kind} className="rounded border border-slate-300 bg-white p-4">
              <h3 className="font-semibold">{label}</h3>
              <p className="font-medium text-red-800">{t("list.missing")}</p>
            </li>
          );
        }
        const { value, unit } = sizeForDisplay(document.size);
        const preview = previewKind(document.contentType);
        const source = `/api/documents/${document.id}?preview=1`;
        return (
          <li key={kind} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{label}</h3>
              <p className={statusClass[document.review]}>{tc(`status.${document.review}`)}</p>
            </div>
            <p className="text-sm text-slate-700">
              {document.originalName} ·{" "}
              {format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 })} ·{" "}
              {format.dateTime(document.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </p>
            <p>
              <a href={`/api/documents/${document.id}`} className="font-medium text-brand underline">
                {tc("download", { document: label })}
              </a>
            </p>
            {preview && (
              <details className="rounded border border-slate-200">
                <summary className="cursor-pointer px-3 py-2 font-medium text-brand">
                  {tc("preview", { document: label })}
                </summary>
                {preview === "pdf" ? (
                  <iframe
                    src={source}
                    title={tc("previewTitle", { document: label })}
                    loading="lazy"
                    className="h-[32rem] w-full border-0"
                  />
                ) : (
                  // biome-ignore lint/performance/noImgElement: a private file behind the session, never optimised or cached
                  <img
                    src={source}
                    alt={tc("previewTitle", { document: label })}
                    loading="lazy"
                    className="max-h-[32rem] max-w-full object-contain"
                  />
                )}
              </details>
            )}
            <DocumentChecklistForm
              documentId={document.id}
              documentLabel={label}
              review={document.review}
              note={document.reviewNote}
            />
          </li>
        );
      })}
    </ul>
  );
}

const statusClass = {
  PENDING: "rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800",
  ACCEPTED: "rounded bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900",
  TO_REPLACE: "rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-950",
} as const;
