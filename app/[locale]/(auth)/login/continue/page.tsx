import { homePathByRole, pathWithoutLocale, safeCallbackPath } from "@/lib/auth/home";
import { getViewer } from "@/lib/auth/viewer";
import { pageLocale } from "@/lib/i18n/locale";
import { redirect } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
};

/**
 * Where single sign-on lands (the role is known only once the provider has answered): each
 * role goes home, or to the page it asked for.
 */
export default async function ContinuePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/login", locale });
  const { callbackUrl } = await searchParams;
  const callback = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  return redirect({ href: callback ? pathWithoutLocale(callback) : homePathByRole[viewer.role], locale });
}
