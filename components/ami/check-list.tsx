import { getTranslations } from "next-intl/server";
import type { AmiCheck } from "@/lib/ami/rules";

/** Each rule's verdict on an application, as the office reads it (met, not met, or only flagged). */
export async function AmiCheckList({ checks }: { checks: AmiCheck[] }) {
  const t = await getTranslations("ami.checks");
  return (
    <ul className="flex flex-col gap-1">
      {checks.map((check) => {
        const verdict = check.met ? "met" : check.flagOnly ? "flagged" : "notMet";
        return (
          <li key={check.name} className="flex gap-2">
            <span
              className={
                verdict === "met"
                  ? "font-semibold text-green-800"
                  : verdict === "flagged"
                    ? "font-semibold text-amber-800"
                    : "font-semibold text-red-800"
              }
            >
              {t(`verdict.${verdict}`)}
            </span>
            <span>{t(`name.${check.name}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
