"use client";

import { useTranslations } from "next-intl";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveOwnWishesAction } from "@/lib/joint-master/actions";

type Option = { value: string; label: string };

/** Up to three ranked paths; each is checked at once on the server against the student's own rules. */
export function WishesForm(props: {
  semester2: Option[];
  semester3: Option[];
  thesisOptions: Option[];
  wishes: { semester2: string; semester3: string }[];
  thesisUniversity: string | null;
  thesisSubject: string | null;
}) {
  const t = useTranslations("jointMaster.student");
  const { failed, form, value, error } = useAdminForm(saveOwnWishesAction);
  return (
    <form {...form} className="flex max-w-xl flex-col gap-4">
      <FormAlert message={failed?.message} />
      {([1, 2, 3] as const).map((rank) => (
        <fieldset key={rank} className="flex flex-col gap-2 rounded border border-slate-300 p-3">
          <legend className="font-semibold">{t("wishLegend", { rank })}</legend>
          <SelectField
            name={`wish${rank}Semester2`}
            label={t("semester2Label", { rank })}
            options={props.semester2}
            placeholder={t("choose")}
            defaultValue={value(`wish${rank}Semester2`, props.wishes[rank - 1]?.semester2 ?? "")}
            error={error(`wish${rank}Semester2`)}
          />
          <SelectField
            name={`wish${rank}Semester3`}
            label={t("semester3Label", { rank })}
            options={props.semester3}
            placeholder={t("choose")}
            defaultValue={value(`wish${rank}Semester3`, props.wishes[rank - 1]?.semester3 ?? "")}
            error={error(`wish${rank}Semester3`)}
          />
        </fieldset>
      ))}
      <SelectField
        name="thesisUniversity"
        label={t("thesisUniversity")}
        options={props.thesisOptions}
        placeholder={t("choose")}
        defaultValue={value("thesisUniversity", props.thesisUniversity ?? "")}
        error={error("thesisUniversity")}
      />
      <Field
        name="thesisSubject"
        label={t("thesisSubject")}
        hint={t("thesisHint")}
        maxLength={500}
        defaultValue={value("thesisSubject", props.thesisSubject ?? "")}
        error={error("thesisSubject")}
      />
      <div>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}
