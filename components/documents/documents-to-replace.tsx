import { getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/documents/document-upload";
import { requiredDocuments } from "@/lib/applications/rules";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { getUploadMaxBytes, listDocumentsForViewer } from "@/lib/documents/queries";
import { studentMayChangeDocument } from "@/lib/documents/rules";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/**
 * R-MSG-6, R-MSG-7: the documents the reviewers asked the student to replace, each with their
 * message and an upload that replaces it, even after submission. Nothing when there is none.
 */
export async function DocumentsToReplace({
  applicationId,
  status,
  viewer,
}: {
  applicationId: string;
  status: ApplicationStatus;
  viewer: DocumentViewer;
}) {
  const [documents, t] = await Promise.all([
    listDocumentsForViewer(applicationId, viewer),
    getTranslations("documents"),
  ]);
  const toReplace = documents.filter(
    (document) => document.review === "TO_REPLACE" && studentMayChangeDocument(document.kind, status, document.review),
  );
  if (toReplace.length === 0) return null;
  const maxBytes = getUploadMaxBytes();
  return (
    <section
      aria-labelledby="replace-title"
      className="flex flex-col gap-3 rounded border border-amber-500 bg-amber-50 p-4"
    >
      <h2 id="replace-title" className="text-2xl font-semibold">
        {t("toReplace.title")}
      </h2>
      <p>{t("toReplace.intro")}</p>
      {toReplace.map((document) => (
        <div key={document.id} className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3">
          <p className="font-medium">{t("toReplace.note", { document: t(`kind.${document.kind}`) })}</p>
          <p className="whitespace-pre-wrap">{document.reviewNote}</p>
          <DocumentUpload
            kind={document.kind}
            required={requiredDocuments.includes(document.kind)}
            maxBytes={maxBytes}
            editable
            removable={false}
            document={{ id: document.id, originalName: document.originalName, size: document.size }}
          />
        </div>
      ))}
    </section>
  );
}
