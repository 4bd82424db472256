"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInWithSsoAction } from "@/lib/auth/actions";

/** Staff's way in through the university's identity provider (shown only when configured). */
export function SsoButton({ label, callbackUrl }: { label: string | null; callbackUrl?: string }) {
  const t = useTranslations("sso");
  const ta = useTranslations("auth");
  const { failed, formAction } = useFormAction(signInWithSsoAction);
  return (
    <section aria-labelledby="sso-title" className="flex max-w-md flex-col gap-3 rounded border border-slate-300 p-4">
      <h2 id="sso-title" className="text-lg font-semibold">
        {t("or")}
      </h2>
      <form action={formAction} className="flex flex-col gap-3">
        {/* Only when refused: the sign-in form's own alert stays the page's one alert otherwise. */}
        {failed && <FormAlert message={failed.message} />}
        {callbackUrl && <input type="hidden" name="returnTo" value={callbackUrl} />}
        <SubmitButton label={t("button", { label: label ?? t("defaultLabel") })} pendingLabel={ta("submitting")} />
      </form>
    </section>
  );
}
