"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { bindFields } from "@/components/ui/form-binding";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateLetterTemplateAction } from "@/lib/letters/actions";

interface Template {
  kind: "ACCEPTANCE" | "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE";
  locale: "fr" | "en";
  title: string;
  body: string;
  signatoryName: string;
  signatoryTitle: string;
}

/** One letter's wording in one language; a refused save keeps what was typed. */
export function LetterTemplateForm({
  template,
  heading,
  previewHref,
}: {
  template: Template;
  heading: string;
  previewHref: string;
}) {
  const t = useTranslations("letters.admin");
  const { failed, succeeded, formAction } = useFormAction(updateLetterTemplateAction);
  const { value, error } = bindFields(failed);
  const id = (name: string) => `${name}-${template.kind}-${template.locale}`;
  return (
    <section aria-labelledby={id("heading")} className="flex flex-col gap-3 rounded border border-slate-300 p-4">
      <h2 id={id("heading")} className="text-xl font-semibold">
        {heading}
      </h2>
      <form action={formAction} noValidate className="flex flex-col gap-3">
        <FormAlert message={failed?.message} />
        <p role="status" className={succeeded ? "font-medium text-green-800" : "sr-only"}>
          {succeeded ? t("saved") : ""}
        </p>
        <input type="hidden" name="kind" value={template.kind} />
        <input type="hidden" name="locale" value={template.locale} />
        <Field
          id={id("title")}
          name="title"
          label={t("titleField")}
          required
          defaultValue={value("title", template.title)}
          error={error("title")}
        />
        <TextAreaField
          id={id("body")}
          name="body"
          label={t("body")}
          rows={8}
          required
          defaultValue={value("body", template.body)}
          error={error("body")}
        />
        <Field
          id={id("signatoryName")}
          name="signatoryName"
          label={t("signatoryName")}
          required
          defaultValue={value("signatoryName", template.signatoryName)}
          error={error("signatoryName")}
        />
        <Field
          id={id("signatoryTitle")}
          name="signatoryTitle"
          label={t("signatoryTitle")}
          required
          defaultValue={value("signatoryTitle", template.signatoryTitle)}
          error={error("signatoryTitle")}
        />
        <div>
          <SubmitButton label={t("save")} pendingLabel={t("saving")} />
        </div>
      </form>
      {/* The saved text, letterhead and signature, for the sample student (a plain link: a PDF, not a page). */}
      <a href={previewHref} target="_blank" rel="noopener" className="underline">
        {t("preview", { name: heading })}
      </a>
    </section>
  );
}
