import { incompleteSteps } from "@/lib/applications/completeness";
import { getOwnApplication } from "@/lib/applications/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { redirect } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

/** Resumes where the student stopped: the first step not yet saved. */
export default async function ApplyPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/apply");
  const application = await getOwnApplication(viewer);
  const next = application ? (incompleteSteps(application)[0] ?? "documents") : "identity";
  redirect({ href: `/apply/${next}`, locale });
}
