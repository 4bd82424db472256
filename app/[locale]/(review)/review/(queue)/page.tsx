import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/exports/export-links";
import { BulkActions, bulkFormId } from "@/components/review/bulk-actions";
import { QueueFilters } from "@/components/review/queue-filters";
import { DataTable } from "@/components/ui/data-table";
import { formatAcademicYear } from "@/lib/academic-year";
import { reviewerStatuses } from "@/lib/application-status";
import { countQueueByStatus, listQueue, listQueuePartners } from "@/lib/applications/queries";
import { ZQueueQuery } from "@/lib/applications/schemas";
import { requireRole } from "@/lib/auth/guard";
import { countUnreadForStaff } from "@/lib/conversation/queries";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { filterParams, firstValues } from "@/lib/search-params";
import { studentListName } from "@/lib/student-name";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The documents a change request can name (the application's own, not the visa's). */
const documentKinds = ["PASSPORT", "TRANSCRIPT", "LEARNING_AGREEMENT", "PHOTO", "CV", "MOTIVATION_LETTER"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "review" });
  return { title: t("title") };
}

/** The queue of the correspondent's components (an admin sees every component). */
export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review");
  const raw = firstValues(await searchParams);
  const query = ZQueueQuery.parse(raw);
  const [t, te, tb, td, ts, tw, ti, tn, format] = await Promise.all([
    getTranslations({ locale, namespace: "review" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "bulk" }),
    getTranslations({ locale, namespace: "documents" }),
    getTranslations({ locale, namespace: "statistics" }),
    getTranslations({ locale, namespace: "welcomeDesk.staff" }),
    getTranslations({ locale, namespace: "integration" }),
    getTranslations({ locale, namespace: "nominations.list" }),
    getFormatter({ locale }),
  ]);

  if (viewer.role === "CORRESPONDENT" && viewer.componentIds.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("noComponents")}</p>
      </div>
    );
  }

  const [{ rows, nextCursor }, counts, partners] = await Promise.all([
    listQueue(viewer, query),
    countQueueByStatus(viewer, query),
    listQueuePartners(viewer),
  ]);
  // R-MSG-5: the student's messages this reviewer has not read, per dossier of the page.
  const unread = await countUnreadForStaff(
    viewer,
    rows.map((row) => row.id),
  );
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const filters = filterParams(query, ["after"]);

  const anonymised = (reference: string) => t("anonymisedStudent", { reference });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href="/review/housing" className="font-medium text-brand underline">
            {t("housingLink")}
          </Link>
        </p>
        <p>
          <Link href="/review/arrivals" className="font-medium text-brand underline">
            {t("arrivalsLink")}
          </Link>
        </p>
        <p>
          <Link href="/review/nominations" className="font-medium text-brand underline">
            {tn("link")}
          </Link>
        </p>
        <p>
          <Link href="/review/mail" className="font-medium text-brand underline">
            {t("mailLink")}
          </Link>
        </p>
        <p>
          <Link href="/review/statistics" className="font-medium text-brand underline">
            {ts("link")}
          </Link>
        </p>
        <p>
          <Link href="/review/welcome-desk" className="font-medium text-brand underline">
            {tw("link")}
          </Link>
        </p>
        <p>
          <Link href="/review/mentors" className="font-medium text-brand underline">
            {ti("mentors.title")}
          </Link>
        </p>
        <p>
          <Link href="/review/sponsorship" className="font-medium text-brand underline">
            {ti("board.title")}
          </Link>
        </p>
      </div>

      <QueueFilters
        query={filters}
        partners={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
      />

      <ExportLinks path="/api/applications/export" filters={filters} locale={locale} />

      <section aria-labelledby="counts-title">
        <h2 id="counts-title" className="mb-2 text-xl font-semibold">
          {t("countsTitle")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href={{ pathname: "/review", query: { ...filters, status: undefined } }}
              className="block rounded border border-slate-400 bg-white px-3 py-1 text-sm"
            >
              {t("countsAll", { count: total })}
            </Link>
          </li>
          {reviewerStatuses.map((status) => (
            <li key={status}>
              <Link
                href={{ pathname: "/review", query: { ...filters, status } }}
                aria-current={query.status === status ? "page" : undefined}
                className="block rounded border border-slate-400 bg-white px-3 py-1 text-sm aria-[current=page]:border-brand aria-[current=page]:bg-brand aria-[current=page]:text-white"
              >
                {te(`applicationStatus.${status}`)}: {counts[status] ?? 0}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("tableCaption", { count: rows.length })}
          columns={[
            tb("selectColumn"),
            t("col.name"),
            t("col.university"),
            t("col.faculty"),
            t("col.period"),
            t("col.year"),
            t("col.status"),
            t("col.flags"),
            t("col.messages"),
            t("col.submitted"),
          ]}
          rows={rows.map((row) => [
            // Part of the bulk form below (form attribute): the status seen here guards the change.
            <input
              key={`select-${row.id}`}
              type="checkbox"
              name="item"
              value={`${row.id}:${row.status}`}
              form={bulkFormId}
              aria-label={tb("select", { name: studentListName(row, anonymised) })}
              className="h-5 w-5"
            />,
            <Link key={row.id} href={`/review/${row.id}`} className="font-medium text-brand underline">
              {studentListName(row, anonymised)}
              {row.contactEmail && <span className="block text-xs font-normal text-slate-700">{row.contactEmail}</span>}
            </Link>,
            row.partner?.name ?? "—",
            row.component ? (locale === "fr" ? row.component.nameFr : row.component.nameEn) : "—",
            row.period ? te(`period.${row.period}`) : "—",
            row.academicYear ? formatAcademicYear(row.academicYear) : "—",
            te(`applicationStatus.${row.status}`),
            [row.frenchWarning ? t("flagFrench") : null, row.housingRequested ? t("flagHousing") : null]
              .filter(Boolean)
              .join(" · ") || "—",
            unread.get(row.id) ? (
              <strong key="unread" className="rounded bg-amber-200 px-1.5 py-0.5 text-amber-950">
                {t("unreadMessages", { count: unread.get(row.id) ?? 0 })}
              </strong>
            ) : (
              "—"
            ),
            row.lastSubmittedAt
              ? format.dateTime(row.lastSubmittedAt, { dateStyle: "short", timeStyle: "short" })
              : "—",
          ])}
        />
      )}

      <nav aria-label={t("tableCaption", { count: rows.length })} className="flex gap-4">
        {query.after && (
          <Link href={{ pathname: "/review", query: filters }} className="text-brand underline">
            {t("firstPage")}
          </Link>
        )}
        {nextCursor && (
          <Link
            href={{ pathname: "/review", query: { ...filters, after: nextCursor } }}
            className="text-brand underline"
          >
            {t("nextPage")}
          </Link>
        )}
      </nav>

      {/* Kept while the search finds dossiers at any status: a bulk change that empties the
          filtered page (e.g. all "submitted" now under review) must still show its summary. */}
      {total > 0 && (
        <BulkActions
          filters={filters}
          documentKinds={documentKinds.map((kind) => ({ value: kind, label: td(`kind.${kind}`) }))}
        />
      )}
    </div>
  );
}
