import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { searchUsers } from "@/lib/users/queries";
import { ZUserListQuery } from "@/lib/users/schemas";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.users" });
  return { title: t("title") };
}

export default async function UsersPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/users");
  const t = await getTranslations({ locale, namespace: "admin.users" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const raw = await searchParams;
  const query = ZUserListQuery.parse(raw);
  const { users, nextCursor } = await searchUsers(viewer, query);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={raw.done} />
      <CreateLink href="/admin/users/new" label={t("create")} />
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader; role="search" is */}
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <Field name="q" type="search" label={t("searchLabel")} defaultValue={query.q ?? ""} maxLength={254} />
        <button
          type="submit"
          className="rounded border border-brand bg-white px-4 py-2 font-medium text-brand hover:bg-blue-50"
        >
          {t("search")}
        </button>
        {query.q && (
          <Link href="/admin/users" className="py-2 font-medium text-brand underline">
            {t("showAll")}
          </Link>
        )}
      </form>
      {users.length === 0 ? (
        <p>{query.q ? t("emptySearch", { query: query.q }) : t("empty")}</p>
      ) : (
        <DataTable
          caption={query.q ? t("captionSearch", { query: query.q }) : t("caption")}
          columns={[t("colName"), t("colEmail"), t("colRole"), t("colComponents"), t("colStatus"), tc("colActions")]}
          rows={users.map((user) => [
            user.name,
            user.email,
            te(`role.${user.role}`),
            user.components.map((component) => component.code).join(", ") || "—",
            user.disabled ? t("disabled") : t("active"),
            <EditLink key="edit" href={`/admin/users/${user.id}`} label={tc("edit")} name={user.email} />,
          ])}
        />
      )}
      {nextCursor && (
        <p>
          <Link
            href={{ pathname: "/admin/users", query: { ...(query.q ? { q: query.q } : {}), after: nextCursor } }}
            className="font-medium text-brand underline"
          >
            {t("next")}
          </Link>
        </p>
      )}
    </div>
  );
}
