import { notFound } from "next/navigation";

// Any path under a locale that no page matches: the translated 404 of [locale]/not-found.tsx.
export default function UnknownPage() {
  notFound();
}
