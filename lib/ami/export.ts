import "server-only";
import ExcelJS from "exceljs";
import type { listAmiPaymentLines } from "@/lib/ami/queries";

/**
 * The finance office's export of the AMI payment schedule (issue 19): one row per monthly
 * payment of every granted application, as CSV (lib/csv.ts) or .xlsx. Kept small and here on purpose: a
 * generic export module is being built elsewhere and will take this over.
 */

export type AmiPaymentLine = Awaited<ReturnType<typeof listAmiPaymentLines>>[number];
export type AmiExportColumn =
  | "student"
  | "email"
  | "host"
  | "country"
  | "start"
  | "end"
  | "months"
  | "granted"
  | "erasmusPlus"
  | "instalment"
  | "month"
  | "amount";

export const amiExportColumns: readonly AmiExportColumn[] = [
  "student",
  "email",
  "host",
  "country",
  "start",
  "end",
  "months",
  "granted",
  "erasmusPlus",
  "instalment",
  "month",
  "amount",
];

const day = (date: Date) => date.toISOString().slice(0, 10);

/** One payment as cells, in the columns' order; amounts in euros with two decimals. */
export function amiExportRow(line: AmiPaymentLine, yes: string, no: string): (string | number)[] {
  return [
    line.studentName,
    line.studentEmail,
    line.hostName,
    line.country,
    day(line.startDate),
    day(line.endDate),
    line.months,
    line.grantedAmountCents / 100,
    line.erasmusPlus ? yes : no,
    line.instalment,
    day(line.month).slice(0, 7),
    line.amountCents / 100,
  ];
}

/**
 * The same table as an .xlsx workbook. Text is written as text (never a formula, whatever it
 * starts with); amounts as numbers in a euro format, so the finance office can add them up.
 */
export async function amiXlsx(sheetName: string, header: readonly string[], rows: readonly (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  for (const column of [8, 12]) sheet.getColumn(column).numFmt = '#,##0.00 "€"';
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
