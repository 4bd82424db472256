import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusNotice } from "@/components/account/status-notice";
import { AccessForm, ErasureForm, RoleForm, SendResetForm } from "@/components/admin/account-forms";
import { AdminHeader } from "@/components/admin/admin-header";
import { ResetSecondFactorForm } from "@/components/second-factor/reset-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { isErased } from "@/lib/privacy/rules";
import { getUserForAdmin } from "@/lib/users/queries";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.users" });
  return { title: t("title") };
}

export default async function AccountPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/users/${id}`);
  const user = await getUserForAdmin(viewer, id);
  if (!user) notFound();
  const t = await getTranslations({ locale, namespace: "admin.users" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const tf = await getTranslations({ locale, namespace: "secondFactor" });
  const format = await getFormatter({ locale });
  const { done } = await searchParams;
  // An admin cannot disable themselves nor remove their own admin role: the page says so
  // instead of offering buttons that would be refused (the service refuses them anyway).
  const self = user.id === viewer.id;
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { name: user.name })}
        intro={t("details", {
          email: user.email,
          components: user.components.map((component) => component.code).join(", ") || tc("none"),
        })}
        back="/admin/users"
        backLabel={t("title")}
      />
      {done === "secondFactorReset" && <StatusNotice message={tf("adminResetDone")} />}
      {self && <p className="rounded border border-slate-400 bg-white p-3">{t("self")}</p>}
      <section aria-labelledby="role" className="flex flex-col gap-3">
        <h2 id="role" className="text-xl font-semibold">
          {t("roleTitle")}
        </h2>
        {user.role === "STUDENT" || user.role === "AMU_STUDENT" ? (
          <p>{t("student")}</p>
        ) : self ? (
          <p>{te(`role.${user.role}`)}</p>
        ) : (
          <RoleForm userId={user.id} role={user.role} />
        )}
      </section>
      <section aria-labelledby="access" className="flex flex-col gap-3">
        <h2 id="access" className="text-xl font-semibold">
          {t("accessTitle")}
        </h2>
        <p>{user.disabled ? t("isDisabled") : t("isActive")}</p>
        {!self && <AccessForm userId={user.id} name={user.name} disabled={user.disabled} />}
      </section>
      {!self && !user.disabled && !isErased(user) && (
        <section aria-labelledby="password" className="flex flex-col gap-3">
          <h2 id="password" className="text-xl font-semibold">
            {t("passwordTitle")}
          </h2>
          <p>{t("passwordIntro")}</p>
          <SendResetForm userId={user.id} />
        </section>
      )}
      {!self && !isErased(user) && (
        <section aria-labelledby="second-factor" className="flex flex-col gap-3">
          <h2 id="second-factor" className="text-xl font-semibold">
            {tf("adminTitle")}
          </h2>
          {user.secondFactor?.confirmedAt ? (
            <>
              <p>
                {tf("adminEnrolled", { date: format.dateTime(user.secondFactor.confirmedAt, { dateStyle: "long" }) })}
              </p>
              <ResetSecondFactorForm userId={user.id} name={user.name} />
            </>
          ) : (
            <p>{tf("adminNotEnrolled")}</p>
          )}
        </section>
      )}
      {!self && !isErased(user) && (
        <section aria-labelledby="erasure" className="flex flex-col gap-3 rounded border border-red-300 p-4">
          <h2 id="erasure" className="text-xl font-semibold">
            {t("erasure.title")}
          </h2>
          <p>{t("erasure.what")}</p>
          <p>{t("erasure.kept")}</p>
          <ErasureForm userId={user.id} />
        </section>
      )}
    </div>
  );
}
