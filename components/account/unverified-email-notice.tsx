import { getTranslations } from "next-intl/server";
import { ResendVerificationForm } from "@/components/account/resend-verification-form";
import { ownAccountOf } from "@/lib/accounts/queries";
import type { Viewer } from "@/lib/auth/viewer";

/** Why the application cannot be submitted yet (R-ACC-7), and a new link; nothing once confirmed. */
export async function UnverifiedEmailNotice({ viewer }: { viewer: Viewer }) {
  const account = await ownAccountOf(viewer);
  if (account.emailVerifiedAt) return null;
  const t = await getTranslations("account");
  return (
    <section
      aria-labelledby="unverified-title"
      className="flex flex-col gap-3 rounded border border-amber-600 bg-amber-50 p-3"
    >
      <h2 id="unverified-title" className="font-semibold">
        {t("emailTitle")}
      </h2>
      <p>{t("dossierUnverified")}</p>
      <ResendVerificationForm />
    </section>
  );
}
