import "server-only";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { statusForErrorCode } from "@/lib/documents/http";
import { DomainError, type ErrorCode } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The JSON answers of the documents' route handlers, with the same error contract as the
 * action chain: a DomainError's message translated from the `errors` catalogue, anything else
 * logged with a request id and answered generically.
 */
export type DocumentRefusalBody = { ok: false; message: string; field: string | null; requestId?: string };

// Answers about personal documents are never stored by a cache.
const noStore = { "Cache-Control": "private, no-store" };

export async function errorResponse(error: unknown, locale: AppLocale): Promise<Response> {
  const t = await getTranslations({ locale, namespace: "errors" });
  if (error instanceof DomainError && t.has(error.code)) {
    const body: DocumentRefusalBody = { ok: false, message: t(error.code, error.params), field: error.field ?? null };
    return Response.json(body, { status: statusForErrorCode(error.code), headers: noStore });
  }
  const requestId = randomUUID();
  console.error(
    JSON.stringify({ level: "error", requestId, error: error instanceof Error ? error.stack : String(error) }),
  );
  const body: DocumentRefusalBody = { ok: false, message: t("unexpected", { requestId }), field: null, requestId };
  return Response.json(body, { status: 500, headers: noStore });
}

/** A form that does not fit the schema: the first problem, on its field. */
export async function validationResponse(error: z.ZodError, locale: AppLocale): Promise<Response> {
  const t = await getTranslations({ locale, namespace: "errors" });
  const issue = error.issues[0];
  // As in the action chain: the issue's message is a plain string, checked with t.has.
  const key = `validation.${issue?.message ?? "invalid"}` as ErrorCode;
  const body: DocumentRefusalBody = {
    ok: false,
    message: t.has(key) ? t(key) : t("validation.invalid"),
    field: issue?.path.join(".") || null,
  };
  return Response.json(body, { status: 400, headers: noStore });
}

export function jsonResponse<T>(body: T, status = 200): Response {
  return Response.json(body, { status, headers: noStore });
}
