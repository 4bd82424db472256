import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/exports/export-links";
import { BoardDecisionForm } from "@/components/housing/board/decision-form";
import { BoardOfferForm } from "@/components/housing/board/offer-form";
import { BoardRankForm } from "@/components/housing/board/rank-form";
import { BoardSuggestion } from "@/components/housing/board/suggestion";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { PageSection } from "@/components/ui/page-section";
import { SelectField } from "@/components/ui/select-field";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { getHousingBoard } from "@/lib/housing/board/queries";
import { canDecide } from "@/lib/housing/board/rules";
import { ZBoardQuery } from "@/lib/housing/board/schemas";
import { listRounds } from "@/lib/housing/release/queries";
import { mayManageRelease } from "@/lib/housing/release/rules";
import type { HousingDecision } from "@/lib/housing/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { firstValues } from "@/lib/search-params";
import { type NamedDossier, studentListName } from "@/lib/student-name";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const statuses = ["PENDING", "ACCEPTED", "WAITLISTED", "REFUSED", "DECLINED", "WITHDRAWN"] as const;
const decisions: HousingDecision[] = ["ACCEPTED", "WAITLISTED", "REFUSED"];
const cities = ["AIX", "MARSEILLE", "NO_PREFERENCE"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "housingBoard" });
  return { title: t("title") };
}

/** The housing board of correspondents and admins (R-HOU-1…3): rooms, requests, decisions. */
export default async function HousingBoardPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/housing");
  const raw = firstValues(await searchParams);
  const query = ZBoardQuery.parse(raw);
  const [t, tr, te, format, rounds, board] = await Promise.all([
    getTranslations({ locale, namespace: "housingBoard" }),
    getTranslations({ locale, namespace: "review" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listRounds(viewer),
    getHousingBoard(viewer, query),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "Europe/Paris" });
  const roundName = (round: { academicYear: number; semester: "S1" | "S2" }) =>
    t("round", { year: formatAcademicYear(round.academicYear), semester: te(`period.${round.semester}`) });

  const header = (
    <div className="flex flex-col gap-2">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="rounded border border-amber-400 bg-amber-50 p-3">{t("onlyContact")}</p>
    </div>
  );
  if (!board) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <p>{t("noRound")}</p>
      </div>
    );
  }
  const { round, residences, requests, counts, offers, nextCursor } = board;
  const released = round.releasedAt !== null;
  const residenceOptions = residences.map((residence) => ({
    value: residence.id,
    label: `${residence.name} (${te(`housingCity.${residence.city}`)}, ${residence.free})`,
  }));
  const anonymised = (reference: string) => tr("anonymisedStudent", { reference });
  const nameOf = (application: NamedDossier) => studentListName(application, anonymised);
  // The filters, kept when paging (the cursor itself is not).
  const filterParams = Object.fromEntries(
    Object.entries({ round: round.id, status: query.status, city: query.city, q: query.q, sort: query.sort }).flatMap(
      ([key, value]) => (value ? [[key, value]] : []),
    ),
  );

  return (
    <div className="flex flex-col gap-8">
      {header}
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader; role="search" is */}
      <form
        role="search"
        aria-label={t("filtersLabel")}
        method="get"
        className="flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4"
      >
        <SelectField
          name="round"
          label={t("roundLabel")}
          options={rounds.map((candidate) => ({ value: candidate.id, label: roundName(candidate) }))}
          defaultValue={round.id}
        />
        <SelectField
          name="status"
          label={t("statusFilter")}
          options={statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          placeholder={t("any")}
          defaultValue={query.status ?? ""}
        />
        <SelectField
          name="city"
          label={t("cityFilter")}
          options={cities.map((city) => ({ value: city, label: te(`housingCity.${city}`) }))}
          placeholder={t("any")}
          defaultValue={query.city ?? ""}
        />
        <Field name="q" type="search" label={t("search")} defaultValue={query.q ?? ""} maxLength={100} />
        <SelectField
          name="sort"
          label={t("sort")}
          options={[
            { value: "oldest", label: t("sorts.oldest") },
            { value: "newest", label: t("sorts.newest") },
          ]}
          defaultValue={query.sort ?? "oldest"}
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          {t("show")}
        </button>
      </form>
      <ExportLinks
        path={`/api/housing/rounds/${round.id}/export`}
        filters={Object.fromEntries(Object.entries(filterParams).filter(([key]) => key !== "round" && key !== "sort"))}
        locale={locale}
      />

      <PageSection id="round-title" title={roundName(round)} className="flex flex-col gap-2">
        <p>{t("releaseAt", { date: day(round.releaseAt) })}</p>
        <p>{released ? t("released", { date: day(round.releasedAt!) }) : t("notReleased")}</p>
        <p>{t("policy", { policy: t(`policies.${round.policy}`) })}</p>
        {/* Releasing e-mails the whole round: the administrators' act (lib/housing/release/rules.ts). */}
        {mayManageRelease(viewer) ? (
          <p>
            <Link href={`/review/housing/rounds/${round.id}`} className="font-medium text-brand underline">
              {t("manageRelease")}
            </Link>
          </p>
        ) : (
          !released && <p>{t("releasedByAdmins")}</p>
        )}
        <ul className="flex flex-wrap gap-2">
          {statuses.map((status) => (
            <li key={status} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm">
              {t(`status.${status}`)}: {counts[status] ?? 0}
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="rooms-title" title={t("roomsTitle")}>
        {residences.length === 0 ? (
          <p>{t("noRooms")}</p>
        ) : (
          <DataTable
            caption={t("roomsCaption")}
            columns={[t("col.residence"), t("col.city"), t("col.rooms"), t("col.accepted"), t("col.free")]}
            rows={residences.map((residence) => [
              residence.name,
              te(`housingCity.${residence.city}`),
              residence.rooms,
              residence.accepted,
              residence.free,
            ])}
          />
        )}
      </PageSection>

      {!released && (
        <PageSection id="suggest-title" title={t("suggestTitle")}>
          <p>{t("suggestIntro")}</p>
          <BoardSuggestion roundId={round.id} />
        </PageSection>
      )}

      <PageSection id="offers-title" title={t("offersTitle")}>
        <p>{t("offersIntro")}</p>
        {offers.length === 0 ? (
          <p>{t("noOffers")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {offers.map((offer) => (
              <li key={offer.request.id}>
                <BoardOfferForm
                  housingRequestId={offer.request.id}
                  residenceId={offer.residenceId}
                  label={t("offer", { residence: offer.residence, name: nameOf(offer.request.application) })}
                />
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      <PageSection id="requests-title" title={t("requestsTitle")}>
        {requests.length === 0 ? (
          <p>{t("emptyRequests")}</p>
        ) : (
          <DataTable
            caption={t("requestsCaption", { count: requests.length })}
            columns={[
              t("col.student"),
              t("col.dossier"),
              t("col.submitted"),
              t("col.preference"),
              t("col.needs"),
              t("col.rank"),
              t("col.decision"),
              t("col.action"),
            ]}
            rows={requests.map((request) => {
              const name = nameOf(request.application);
              const allowed = decisions.filter(
                (decision) => decision !== request.status && canDecide(request.status, decision, released),
              );
              return [
                <Link
                  key="name"
                  href={`/review/${request.application.id}`}
                  className="font-medium text-brand underline"
                  aria-label={t("dossierLink", { name })}
                >
                  {name}
                </Link>,
                te(`applicationStatus.${request.application.status}`),
                format.dateTime(request.requestedAt, { dateStyle: "short", timeStyle: "short" }),
                te(`housingCity.${request.cityPreference}`),
                request.needs ?? "—",
                request.status === "PENDING" && !released ? (
                  <BoardRankForm key="rank" housingRequestId={request.id} rank={request.rank} name={name} />
                ) : (
                  (request.rank ?? "—")
                ),
                <span key="decision" className="flex flex-col gap-1">
                  {request.status === "ACCEPTED" && request.residence
                    ? t("acceptedIn", { residence: request.residence.name })
                    : request.status === "WAITLISTED"
                      ? t("waitlistedAt", { position: request.waitlistPosition ?? 0 })
                      : t(`status.${request.status}`)}
                  {/* R-HOU-1: a resubmission took back a decision; staff see what it was. */}
                  {request.reopened && (
                    <span className="text-sm text-amber-900">
                      {t(`reopened.${request.reopened.reason}`, {
                        date: day(request.reopened.at),
                        status: t(`status.${request.reopened.from}`),
                        residence: request.reopened.residence ?? "none",
                      })}
                    </span>
                  )}
                </span>,
                allowed.length > 0 ? (
                  <BoardDecisionForm
                    key="decide"
                    housingRequestId={request.id}
                    status={request.status}
                    name={name}
                    residences={residenceOptions}
                    allowed={allowed}
                  />
                ) : (
                  "—"
                ),
              ];
            })}
          />
        )}
        <nav aria-label={t("pagesLabel")} className="mt-3 flex gap-4">
          {query.after && (
            <Link href={{ pathname: "/review/housing", query: filterParams }} className="text-brand underline">
              {t("firstPage")}
            </Link>
          )}
          {nextCursor && (
            <Link
              href={{ pathname: "/review/housing", query: { ...filterParams, after: nextCursor } }}
              className="text-brand underline"
            >
              {t("nextPage")}
            </Link>
          )}
        </nav>
      </PageSection>
    </div>
  );
}
