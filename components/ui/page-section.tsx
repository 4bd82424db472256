import type { ReactNode } from "react";

/** A titled part of a page: the h2 names the section for assistive technologies. */
export function PageSection({
  id,
  title,
  className = "flex flex-col gap-3",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
