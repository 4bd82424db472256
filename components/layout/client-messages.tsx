import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type MessageNamespace, pickNamespaces } from "@/lib/i18n/client-messages";

/**
 * The message provider of a route: passes the client components below it only the namespaces
 * listed (a literal array, read by tests/unit/client-namespaces.test.ts, which fails when a
 * page's client components use a namespace its nearest provider does not pass). Put one in the
 * layout.tsx of the route's folder; avoid nesting them (the outer one's messages would be sent
 * too).
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly MessageNamespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
