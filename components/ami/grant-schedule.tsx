import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { AmiInstalment } from "@/lib/ami/rules";

/** The payment schedule of a granted application (R-AMI-5): one line per month. */
export async function AmiGrantSchedule({ schedule }: { schedule: AmiInstalment[] }) {
  const [t, format] = await Promise.all([getTranslations("ami.schedule"), getFormatter()]);
  if (schedule.length === 0) return null;
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("number"), t("month"), t("amount")]}
      rows={schedule.map((line) => [
        line.number,
        format.dateTime(line.month, { month: "long", year: "numeric", timeZone: "UTC" }),
        format.number(line.amountCents / 100, { style: "currency", currency: "EUR" }),
      ])}
    />
  );
}
