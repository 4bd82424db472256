"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ApprovalBlocker } from "@/lib/ewp/iia-approval";
import type { IiaDifference, SpecLabel } from "@/lib/ewp/iia-diff";

const SPEC_KEYS = {
  "student-studies-mobility-spec": "studentStudies",
  "student-traineeship-mobility-spec": "studentTraineeship",
  "staff-teacher-mobility-spec": "staffTeacher",
  "staff-training-mobility-spec": "staffTraining",
} as const;

/** `subject-area.isced-f-code` → `subjectAreaIscedFCode`, the key of its label. */
function fieldKey(field: string): string {
  return field.replace(/[.@-]+([a-z])/g, (_all, letter: string) => letter.toUpperCase());
}

/** The differences of two IIA copies, each in a sentence using the specification's names. */
export function DifferenceList({ differences }: { differences: IiaDifference[] }) {
  const t = useTranslations("iias");
  const locale = useLocale();
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const values = (items: string[]) =>
    items.length === 0 ? t("result.emptyValue") : list.format(items.map((item) => `“${item}”`));
  const specName = (spec: SpecLabel) => {
    const key = SPEC_KEYS[spec.name as keyof typeof SPEC_KEYS] ?? "other";
    return `${t(`spec.${key}`)} (${spec.name}${spec.occurrence > 1 ? ` #${spec.occurrence}` : ""})`;
  };
  const fieldName = (field: string) => {
    const key = `field.${fieldKey(field)}` as Parameters<typeof t>[0];
    return t.has(key) ? `${t(key)} (${field})` : field;
  };
  const sentence = (difference: IiaDifference): string => {
    switch (difference.kind) {
      case "iiaId":
        return t("difference.iiaId", {
          heiId: difference.heiId,
          ours: values([difference.ours]),
          theirs: values([difference.theirs]),
        });
      case "partnerOrder":
        return t("difference.partnerOrder", { ours: difference.ours.join(", "), theirs: difference.theirs.join(", ") });
      case "terminated":
        return t("difference.terminated", { ours: String(difference.ours), theirs: String(difference.theirs) });
      case "specOnlyIn":
        return t("difference.specOnlyIn", {
          spec: specName(difference.spec),
          from: difference.spec.sendingHeiId,
          to: difference.spec.receivingHeiId,
          side: difference.side,
        });
      case "field": {
        const text = t("difference.field", {
          spec: specName(difference.spec),
          from: difference.spec.sendingHeiId,
          to: difference.spec.receivingHeiId,
          field: fieldName(difference.field),
          ours: values(difference.ours),
          theirs: values(difference.theirs),
        });
        return difference.whitespaceOnly ? `${text} ${t("difference.whitespace")}` : text;
      }
      case "order":
        return t("difference.order", {
          spec: specName(difference.spec),
          from: difference.spec.sendingHeiId,
          to: difference.spec.receivingHeiId,
        });
      case "notHashed":
        return t("difference.notHashed", {
          field: fieldName(difference.field),
          heiId: difference.heiId ?? "none",
          ours: values([difference.ours].filter(Boolean)),
          theirs: values([difference.theirs].filter(Boolean)),
        });
      case "formattingOnly":
        return t("difference.formattingOnly");
    }
  };
  if (differences.length === 0) return <p>{t("result.none")}</p>;
  return (
    <ul className="list-disc pl-6">
      {differences.map((difference) => {
        const text = sentence(difference);
        return <li key={text}>{text}</li>;
      })}
    </ul>
  );
}

export function BlockerList({ blockers }: { blockers: ApprovalBlocker[] }) {
  const t = useTranslations("iias");
  return (
    <ul className="list-disc pl-6">
      {blockers.map((blocker) => {
        const text = t(`blocker.${blocker.reason}`, {
          path: blocker.path,
          value: blocker.value ?? "",
          elsewhere: String(blocker.elsewhere),
        });
        return <li key={text}>{text}</li>;
      })}
    </ul>
  );
}
