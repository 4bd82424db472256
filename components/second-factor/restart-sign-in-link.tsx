import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** The way out of a half sign-in (second step or required enrolment): back to the password form. */
export async function RestartSignInLink() {
  const t = await getTranslations("secondFactor");
  return (
    <p>
      <Link href="/login" className="font-medium text-brand underline">
        {t("restart")}
      </Link>
    </p>
  );
}
