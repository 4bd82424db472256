import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** An expired, used, replaced, tampered or foreign link: nothing changed, and the way to a new one. */
export async function LinkInvalid({ kind }: { kind: "reset" | "verification" }) {
  const t = await getTranslations("account");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("linkInvalidTitle")}</h1>
      <p>{t("linkInvalidIntro")}</p>
      <p>
        {kind === "reset" ? (
          <Link href="/forgot-password" className="font-medium text-brand underline">
            {t("askNewReset")}
          </Link>
        ) : (
          <Link href="/account" className="font-medium text-brand underline">
            {t("askNewVerification")}
          </Link>
        )}
      </p>
    </div>
  );
}
