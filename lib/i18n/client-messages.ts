import type { Messages } from "next-intl";

export type MessageNamespace = keyof Messages;

/**
 * The part of the catalogue a route's client components use: what the browser receives,
 * instead of every namespace (admin and e-mail texts included) in every page (issue 20).
 */
export function pickNamespaces(messages: Messages, namespaces: readonly MessageNamespace[]): Partial<Messages> {
  const picked: Partial<Record<MessageNamespace, unknown>> = {};
  for (const namespace of namespaces) picked[namespace] = messages[namespace];
  return picked as Partial<Messages>;
}
