import { getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/documents/document-upload";
import { optionalDocuments, requiredDocuments } from "@/lib/applications/rules";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { getUploadMaxBytes, listDocumentsForViewer } from "@/lib/documents/queries";

/**
 * The documents step of the student's application: one DocumentUpload per kind, required
 * ones first. `editable` is isEditableByStudent(application.status), decided by the page.
 */
export async function DocumentUploads({
  applicationId,
  editable,
  viewer,
}: {
  applicationId: string;
  editable: boolean;
  viewer?: DocumentViewer;
}) {
  const [documents, t] = await Promise.all([
    listDocumentsForViewer(applicationId, viewer),
    getTranslations("documents"),
  ]);
  const byKind = new Map(documents.map((document) => [document.kind, document]));
  const maxBytes = getUploadMaxBytes();
  const sections = [
    { title: t("sectionRequired"), kinds: requiredDocuments, required: true },
    { title: t("sectionOptional"), kinds: optionalDocuments, required: false },
  ];
  return (
    <div className="flex flex-col gap-6">
      {sections.map((section) => (
        <section key={section.title} className="flex flex-col gap-3">
          <h3 className="text-lg font-semibold">{section.title}</h3>
          {section.kinds.map((kind) => {
            const document = byKind.get(kind);
            return (
              <DocumentUpload
                key={kind}
                kind={kind}
                required={section.required}
                editable={editable}
                maxBytes={maxBytes}
                document={
                  document ? { id: document.id, originalName: document.originalName, size: document.size } : null
                }
              />
            );
          })}
        </section>
      ))}
    </div>
  );
}
