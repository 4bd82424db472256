import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Link } from "@/lib/i18n/navigation";

/** The top of every admin page: by default the way back leads to the administration's overview. */
export async function AdminHeader({
  title,
  intro,
  back = "/admin",
  backLabel,
}: {
  title: string;
  intro?: string;
  back?: string;
  backLabel?: string;
}) {
  const t = await getTranslations("admin");
  return <PageHeader title={title} intro={intro} back={{ href: back, label: backLabel ?? t("backToOverview") }} />;
}

const doneMessages = [
  "saved",
  "exception",
  "deleted",
  "attached",
  "detached",
  "versioned",
  "erased",
  "invited",
  "resetSent",
] as const;

/** Says that the last action succeeded: the action redirects with `?done=saved` (or deleted, …). */
export async function DoneNotice({ done }: { done?: string | string[] }) {
  const key = doneMessages.find((message) => message === done);
  if (!key) return null;
  const t = await getTranslations("admin.common");
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {t(key)}
    </p>
  );
}

/** The page's main call to action ("Add …"). */
export function CreateLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link href={href} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
        {label}
      </Link>
    </p>
  );
}

/** "Edit" in a table row; the row's name completes it for screen readers ("Edit Tampere University"). */
export function EditLink({ href, label, name }: { href: string; label: string; name: string }) {
  return (
    <Link href={href} className="font-medium text-brand underline">
      {label}
      <span className="sr-only"> {name}</span>
    </Link>
  );
}
