import type { MessageKeys, Messages, NamespaceKeys, NestedKeyOf, NestedValueOf } from "next-intl";

/** A namespace of the catalogue, as `getTranslations` and `useTranslations` take it ("review.dossier"). */
export type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The key of a message in a namespace, as that namespace's `t` takes it: typed maps of labels
 * (`… as const satisfies Record<Status, MessageKey<"review">>`) fail the type check when a key
 * is missing from the English catalogue.
 */
export type MessageKey<Namespace extends MessageNamespace> = MessageKeys<
  NestedValueOf<Messages, Namespace>,
  NestedKeyOf<NestedValueOf<Messages, Namespace>>
>;
