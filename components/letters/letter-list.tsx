import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { Viewer } from "@/lib/auth/viewer";
import { listLettersForViewer } from "@/lib/letters/queries";

/**
 * The letters issued for a dossier, with download links and whether each still holds: for the
 * student's dossier and the reviewers' view. What the viewer may not see is simply absent.
 */
export async function LetterList({
  applicationId,
  viewer,
}: {
  applicationId: string;
  viewer: Pick<Viewer, "id" | "role" | "componentIds">;
}) {
  const [letters, t, format] = await Promise.all([
    listLettersForViewer(viewer, applicationId),
    getTranslations("letters"),
    getFormatter(),
  ]);
  if (letters.length === 0) return <p>{t("empty")}</p>;
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("column.letter"), t("column.language"), t("column.issuedAt"), t("column.status"), t("column.code")]}
      rows={letters.map((letter) => {
        const language = t(`language.${letter.locale === "fr" ? "fr" : "en"}`);
        return [
          <a
            key="file"
            href={`/api/letters/${letter.id}`}
            className="font-medium text-brand underline hover:text-brand-dark"
          >
            {t("download", { letter: t(`kind.${letter.kind}`), version: letter.version, language })}
          </a>,
          language,
          format.dateTime(letter.issuedAt, { dateStyle: "long", timeStyle: "short" }),
          letter.replacedAt ? t("status.replaced") : t("status.valid"),
          <code key="code">{letter.code}</code>,
        ];
      })}
    />
  );
}
