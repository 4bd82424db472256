import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

/**
 * The top of a sub-page: the way back to the page it belongs to, the page's one h1, its
 * purpose, then whatever must be read before the rest (a status, a notice). `links` are
 * other ways out, shown beside the way back.
 */
export function PageHeader({
  title,
  intro,
  back,
  links,
  children,
}: {
  title: string;
  intro?: string;
  back?: { href: ComponentProps<typeof Link>["href"]; label: string };
  links?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      {back && (
        <p className="flex flex-wrap gap-4">
          <Link href={back.href} className="font-medium text-brand underline">
            <span aria-hidden="true">← </span>
            {back.label}
          </Link>
          {links}
        </p>
      )}
      <h1 className="text-3xl font-bold">{title}</h1>
      {intro && <p>{intro}</p>}
      {children}
    </div>
  );
}
