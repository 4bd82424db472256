import type { useTranslations } from "next-intl";
import type { RefusalReason } from "@/lib/joint-master/allocate";

type Translate = ReturnType<typeof useTranslations<"jointMaster.reason">>;

const keyOf = {
  "R-MOB-1": "universities",
  "R-MOB-2": "countries",
  "R-MOB-3": "balance",
  "R-MOB-4": "seats",
  "R-MOB-5": "track",
  unknownUniversity: "unknownUniversity",
  notOffered: "notOffered",
} as const;

/**
 * A reason in the reader's words, never the rule's internal code: for a refused wish (short,
 * "seats at Barcelona…") or for a contradiction of the whole intake (with the students named).
 */
export function reasonText(
  t: Translate,
  reason: RefusalReason,
  context: { universityName: (code: string) => string; studentName: (id: string) => string; forWish: boolean },
): string {
  const key = keyOf[reason.code as keyof typeof keyOf] ?? "other";
  const students = reason.studentIds.map(context.studentName).join(", ");
  const values = {
    students,
    university: reason.university ? context.universityName(reason.university) : "",
    semester: reason.semester ?? "",
    shortBy: "shortBy" in reason ? reason.shortBy : 0,
  };
  return context.forWish ? t(`${key}Wish`, values) : t(key, values);
}
