import { createNavigation } from "next-intl/navigation";
import { routing } from "@/lib/i18n/routing";

// Locale-aware Link, redirect and hooks: every internal link goes through these.
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
