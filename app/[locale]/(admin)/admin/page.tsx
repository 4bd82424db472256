import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { listComponentsWithoutCorrespondent } from "@/lib/components/queries";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

const sections = [
  { href: "/admin/calls", title: "callsTitle", description: "overview.calls" },
  { href: "/admin/nominations", title: "nominationsTitle", description: "overview.nominations" },
  { href: "/admin/partners", title: "partners.title", description: "overview.partners" },
  { href: "/admin/agreements", title: "agreements.title", description: "overview.agreements" },
  { href: "/admin/components", title: "components.title", description: "overview.components" },
  { href: "/admin/programmes", title: "programmes.title", description: "overview.programmes" },
  // Texts of these two from the residences catalogue (issue 4).
  { href: "/admin/residences", title: "residences.title", description: "overview.residences", namespace: "residences" },
  { href: "/admin/housing-rounds", title: "rounds.title", description: "overview.rounds", namespace: "residences" },
  { href: "/admin/visa", title: "visa.title", description: "overview.visa" },
  { href: "/admin/welcome-desks", title: "welcomeDesks.title", description: "overview.welcomeDesks" },
  { href: "/admin/joint-master", title: "jointMasterTitle", description: "overview.jointMaster" },
  { href: "/admin/integration", title: "integrationTitle", description: "overview.integration" },
  { href: "/admin/sponsors", title: "sponsorsTitle", description: "overview.sponsors" },
  { href: "/admin/ami", title: "amiTitle", description: "overview.ami" },
  { href: "/admin/users", title: "users.title", description: "overview.users" },
  { href: "/admin/letters", title: "letterTemplates.title", description: "overview.letterTemplates" },
  { href: "/admin/settings", title: "settings.title", description: "overview.settings" },
  { href: "/admin/legal", title: "legalPages.title", description: "overview.legal" },
  { href: "/admin/audit", title: "audit.title", description: "overview.audit" },
] as const;

// The administration's overview: one link per section, each with what it is for.
export default async function AdminPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin");
  const t = await getTranslations({ locale, namespace: "admin" });
  const orphans = await listComponentsWithoutCorrespondent(viewer);
  const links = env().MAIL_SINK_DIR
    ? [...sections, { href: "/admin/outbox", title: "outbox", description: "overview.outbox" } as const]
    : sections;
  const tr = await getTranslations({ locale, namespace: "residences" });
  const ts = await getTranslations({ locale, namespace: "statistics" });
  const text = (section: (typeof links)[number]) =>
    "namespace" in section
      ? { title: tr(section.title), description: tr(section.description) }
      : { title: t(section.title), description: t(section.description) };
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href="/review/statistics" className="font-medium text-brand underline">
            {ts("link")}
          </Link>
        </p>
      </div>
      {orphans.length > 0 && (
        <div role="note" className="rounded border border-amber-500 bg-amber-50 p-3">
          <p className="font-semibold">{t("orphanComponents", { count: orphans.length })}</p>
          <p>{orphans.map((component) => (locale === "fr" ? component.nameFr : component.nameEn)).join(", ")}</p>
          <p>
            <Link href="/admin/components" className="font-medium text-brand underline">
              {t("orphanComponentsLink")}
            </Link>
          </p>
        </div>
      )}
      <nav aria-label={t("sectionsLabel")}>
        <ul className="grid gap-4 sm:grid-cols-2">
          {links.map((section) => (
            <li key={section.href} className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-4">
              <Link href={section.href} className="text-lg font-semibold text-brand underline">
                {text(section).title}
              </Link>
              <p className="text-sm text-slate-700">{text(section).description}</p>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
