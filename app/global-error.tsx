"use client";

import "./globals.css";

/**
 * What a visitor sees when the portal cannot render at all — typically the database is down
 * (the layout reads the session on every page). Both languages, as the locale may be unknown
 * here; never a stack trace (Next sends only a digest in production). The portal recovers by
 * itself once the database is back: "Try again" reloads.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <head>
        <title>Service indisponible · Service unavailable</title>
      </head>
      <body className="bg-slate-50 p-8 font-sans text-slate-900">
        <main className="mx-auto flex max-w-2xl flex-col gap-4">
          <div role="alert" className="flex flex-col gap-4">
            <h1 className="text-2xl font-bold">
              Service momentanément indisponible · <span lang="en">Service temporarily unavailable</span>
            </h1>
            <p>
              Le portail ne peut pas répondre pour le moment. Vos données sont conservées : réessayez dans quelques
              minutes.
            </p>
            <p lang="en">The portal cannot answer right now. Your data is safe: please try again in a few minutes.</p>
            {error.digest && (
              <p className="text-sm text-slate-700">
                Référence · <span lang="en">Reference</span>: {error.digest}
              </p>
            )}
            <p>
              {/* biome-ignore lint/a11y/useValidAnchor: an empty href reloads this very page, with no script needed */}
              <a href="" className="inline-block rounded bg-blue-800 px-4 py-2 font-medium text-white">
                Réessayer · <span lang="en">Try again</span>
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
