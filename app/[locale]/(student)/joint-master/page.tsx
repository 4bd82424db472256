import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DoneNotice } from "@/components/admin/admin-header";
import { WishesForm } from "@/components/joint-master/wishes-form";
import { PageHeader } from "@/components/layout/page-header";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getOwnJointMaster } from "@/lib/joint-master/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "jointMaster.student" });
  return { title: t("title") };
}

/** A joint-master student's path once published, and their ranked wishes and thesis preference. */
export default async function JointMasterStudentPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/joint-master");
  const [t, own, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "jointMaster.student" }),
    getOwnJointMaster(viewer),
    searchParams,
  ]);
  if (!own) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("title")} />
        <p>{t("none")}</p>
      </div>
    );
  }
  const { consortium } = own;
  const nameOf = (code: string) => consortium.universities.find((university) => university.code === code)?.name ?? code;
  const optionsFor = (semester: 2 | 3) =>
    consortium.offers
      .filter((offer) => offer.semester === semester)
      .map((offer) => ({ value: offer.university, label: nameOf(offer.university) }));
  const onTrack = consortium.tracks.some((track) => track.scholarship === own.scholarship);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro", { intake: own.intakeName })} />
      <DoneNotice done={done} />
      <PageSection id="path" title={t("pathTitle")}>
        {own.path ? (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">{t("semester1")}</dt>
              <dd>{nameOf(consortium.firstSemester)}</dd>
              <dt className="font-semibold">{t("semester2")}</dt>
              <dd>{nameOf(own.path.semester2)}</dd>
              <dt className="font-semibold">{t("semester3")}</dt>
              <dd>{nameOf(own.path.semester3)}</dd>
            </dl>
            <p>{own.wishRank ? t("gotWish", { rank: own.wishRank }) : t("noWishKept")}</p>
          </>
        ) : (
          <p>{t("notYet")}</p>
        )}
        {own.thesisApproved && <p>{t("thesisApproved")}</p>}
      </PageSection>
      <PageSection id="wishes" title={t("wishesTitle")}>
        {onTrack ? <p>{t("trackNote")}</p> : <p>{t("wishesIntro")}</p>}
        <WishesForm
          semester2={optionsFor(2)}
          semester3={optionsFor(3)}
          thesisOptions={[
            ...consortium.universities.map((university) => ({ value: university.code, label: university.name })),
            { value: "OUTSIDE", label: t("outside") },
          ]}
          wishes={own.wishes}
          thesisUniversity={own.thesisUniversity}
          thesisSubject={own.thesisSubject}
        />
      </PageSection>
    </div>
  );
}
