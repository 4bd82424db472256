import type { MessageKey } from "@/lib/i18n/message-key";

/** A message of the `errors` catalogue: a misspelt code fails the type check. */
export type ErrorCode = MessageKey<"errors">;

/**
 * Expected failures. Their `code` names a message in the `errors` catalogue, shown to the
 * user translated; anything that is not a DomainError is a bug, logged with a request id and
 * shown as a generic message (lib/actions/chain.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** The form field the error belongs to, if any. */
    readonly field?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** A resource that does not exist or that the viewer may not see: the same answer for both. */
export class NotFoundError extends DomainError {
  constructor() {
    super("notFound");
    this.name = "NotFoundError";
  }
}

/** A guarded transition found the resource in another state than the one the user saw. */
export class ConflictError extends DomainError {
  constructor() {
    super("conflict");
    this.name = "ConflictError";
  }
}
