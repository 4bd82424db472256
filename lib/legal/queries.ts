import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/routing";
import { legalPageDefaults } from "@/lib/legal/defaults";
import type { LegalPageName } from "@/lib/legal/rules";

export interface LegalText {
  title: string;
  body: string;
  /** When an administrator last saved it; null: the text the portal ships with. */
  updatedAt: Date | null;
}

/** R-SEC-9: a legal page as anyone reads it: the administrator's text, or the shipped one. */
export async function getLegalPage(page: LegalPageName, locale: AppLocale): Promise<LegalText> {
  const row = await db.legalPage.findUnique({
    where: { page_locale: { page, locale } },
    select: { title: true, body: true, updatedAt: true },
  });
  return row ?? { ...legalPageDefaults[page][locale], updatedAt: null };
}

/** Both languages of a page, for the administrator's form. */
export async function getLegalPageForEdit(viewer: AdminViewer, page: LegalPageName) {
  assertAdminViewer(viewer);
  const [fr, en] = await Promise.all([getLegalPage(page, "fr"), getLegalPage(page, "en")]);
  return { fr, en };
}
