import "./globals.css";

// Paths outside any locale (rare: the proxy adds one to every page path). Both languages.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="p-8 font-sans">
        <main>
          <h1 className="text-2xl font-bold">Page not found</h1>
          <p lang="fr">Page introuvable.</p>
          <p>
            <a href="/" className="underline">
              Home / Accueil
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
