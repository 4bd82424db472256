import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import { LegalFooterLinks } from "@/components/legal/legal-footer-links";
import { pageLocale } from "@/lib/i18n/locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The locale and time zone for every client component, and no messages: each route's
            layout passes the namespaces its own client components use (issue 20). */}
        <ClientMessages namespaces={[]}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader locale={locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="flex flex-col gap-3 border-t border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-700">
            <LegalFooterLinks />
            <p>{t("footer")}</p>
          </footer>
        </ClientMessages>
      </body>
    </html>
  );
}
