import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { optionalDocuments, requiredDocuments } from "@/lib/applications/rules";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { listDocumentsForViewer } from "@/lib/documents/queries";
import { sizeForDisplay } from "@/lib/documents/rules";

/**
 * The documents of one application, read-only, with download links: for the reviewers' view
 * of a dossier and the student's view of a submitted one. Every required kind has a row (marked
 * "not provided" when missing); optional kinds only when uploaded. What the viewer may not see
 * is simply absent (listDocumentsForViewer is scoped to the viewer).
 */
export async function DocumentList({
  applicationId,
  viewer,
  caption,
}: {
  applicationId: string;
  /** The signed-in viewer when the page has it at hand; read from the session otherwise. */
  viewer?: DocumentViewer;
  /** The table's caption; "Documents" by default. */
  caption?: string;
}) {
  const [documents, t, format] = await Promise.all([
    listDocumentsForViewer(applicationId, viewer),
    getTranslations("documents"),
    getFormatter(),
  ]);
  const byKind = new Map(documents.map((document) => [document.kind, document]));
  const kinds = [...requiredDocuments, ...optionalDocuments.filter((kind) => byKind.has(kind))];

  return (
    <DataTable
      caption={caption ?? t("list.caption")}
      columns={[t("list.document"), t("list.file"), t("list.size"), t("list.uploadedAt")]}
      rows={kinds.map((kind) => {
        const document = byKind.get(kind);
        if (!document)
          return [
            t(`kind.${kind}`),
            <span key="missing" className="font-medium text-red-800">
              {t("list.missing")}
            </span>,
            "—",
            "—",
          ];
        const { value, unit } = sizeForDisplay(document.size);
        return [
          t(`kind.${kind}`),
          <a
            key="file"
            href={`/api/documents/${document.id}`}
            className="font-medium text-brand underline hover:text-brand-dark"
          >
            <span className="sr-only">{t("downloadPrefix")} </span>
            {document.originalName}
          </a>,
          format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }),
          format.dateTime(document.createdAt, { dateStyle: "medium", timeStyle: "short" }),
        ];
      })}
    />
  );
}
