/**
 * The Content-Security-Policy of every page (ASVS V3.4): scripts only from this origin and
 * only with the request's nonce ('strict-dynamic' lets Next's own loader add its chunks), no
 * plugins, no <base> hijack, forms posting only here, and no framing at all (clickjacking).
 * Styles allow inline style attributes (React's `style` props: the progress bars); scripts never
 * run inline without the nonce. Development adds 'unsafe-eval', which React's dev tools need.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { development?: boolean; ssoIssuer?: string } = {},
): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Without JavaScript, the single sign-on form's answer is a redirect to the identity
    // provider, which form-action also governs (R-SSO-1).
    `form-action 'self'${ssoOrigin(options.ssoIssuer)}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

function ssoOrigin(issuer: string | undefined): string {
  if (!issuer || !URL.canParse(issuer)) return "";
  return ` ${new URL(issuer).origin}`;
}

/** A fresh, unguessable nonce per request (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * R-SEC-5: the policy of responses the proxy does not see (API routes, kept out of it so that
 * uploads are not buffered by it): the same directives, scripts only from this origin, none
 * inline. An API answers JSON or a file; a 404 page there shows without hydrating.
 */
export function staticContentSecurityPolicy(): string {
  return contentSecurityPolicy("").replace(/script-src [^;]*/, "script-src 'self'");
}
