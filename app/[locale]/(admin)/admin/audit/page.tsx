import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { AuditChanges } from "@/components/admin/audit-changes";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { auditActionLabels, isAuditAction } from "@/lib/audit-action-labels";
import { listAuditEvents, ZAuditQuery } from "@/lib/audit-queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { firstValues } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.audit" });
  return { title: t("title") };
}

/** The audit trail, read only (ASVS V16, GDPR art. 5(2)): who did what, on what, when. */
export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/audit");
  const raw = firstValues(await searchParams);
  const query = ZAuditQuery.parse(raw);
  const [t, format, { rows, nextBefore }] = await Promise.all([
    getTranslations({ locale, namespace: "admin.audit" }),
    getFormatter({ locale }),
    listAuditEvents(viewer, query),
  ]);
  const filters = Object.fromEntries(
    Object.entries({ entityType: query.entityType, entityId: query.entityId, action: query.action }).filter(
      ([, value]) => value,
    ),
  );
  const tl = await getTranslations({ locale, namespace: "auditActions" });
  // What the action means in words; the code stays beside it, small, for the action filter.
  const actionLabel = (action: string) =>
    isAuditAction(action) && !action.startsWith("application.save.") ? tl(auditActionLabels[action]) : null;

  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <form
        method="get"
        className="grid gap-4 rounded border border-slate-300 bg-white p-4 sm:grid-cols-3"
        aria-label={t("filters")}
      >
        <Field name="action" label={t("action")} hint={t("actionHint")} defaultValue={query.action ?? ""} />
        <Field name="entityType" label={t("entityType")} defaultValue={query.entityType ?? ""} />
        <Field name="entityId" label={t("entityId")} defaultValue={query.entityId ?? ""} />
        <div className="flex items-end gap-4 sm:col-span-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="text-brand underline">
            {t("reset")}
          </Link>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption", { count: rows.length })}
          columns={[t("col.when"), t("col.who"), t("col.action"), t("col.entity"), t("col.changes")]}
          rows={rows.map((row) => [
            format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" }),
            row.actor ? `${row.actor.name} <${row.actor.email}>` : t("system"),
            <span key="action">
              {actionLabel(row.action) ?? row.action}{" "}
              {actionLabel(row.action) && <code className="block text-xs text-slate-700">{row.action}</code>}
            </span>,
            <span key="entity" className="break-all">
              {row.entityType} {row.entityId}
            </span>,
            <AuditChanges
              key="changes"
              before={row.before}
              after={row.after}
              labels={{ before: t("before"), after: t("after") }}
            />,
          ])}
        />
      )}
      {nextBefore && (
        <p>
          <Link
            href={{ pathname: "/admin/audit", query: { ...filters, before: nextBefore.toString() } }}
            className="text-brand underline"
          >
            {t("older")}
          </Link>
        </p>
      )}
    </div>
  );
}
