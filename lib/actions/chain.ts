import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * The one chain every server action is built on: public → signed in → role.
 * An action is `xxxAction = <chain>.input(ZSchema).action(async ({ input, ctx }) => …)`:
 * the guard runs first, then the zod schema, then the body; expected failures (DomainError)
 * come back translated, anything else is logged with a request id and answered generically.
 * tests/unit/action-boundary.test.ts fails on any "use server" export not built this way.
 */
interface Context {
  requestId: string;
}

class ActionChain<Ctx extends Context> {
  constructor(private readonly guard: (base: Context) => Promise<Ctx>) {}

  /** A narrower chain: `next` adds to the context or throws a DomainError. */
  use<Next extends Context>(next: (ctx: Ctx) => Promise<Next>): ActionChain<Next> {
    return new ActionChain(async (base) => next(await this.guard(base)));
  }

  input<Schema extends z.ZodType>(schema: Schema) {
    return {
      action: <T>(body: (args: { input: z.output<Schema>; ctx: Ctx }) => Promise<T>) =>
        buildAction(this.guard, schema, body),
    };
  }
}

/**
 * Callable as a form action with useActionState (previous state, FormData), as a plain form
 * action (FormData), or from code (an object).
 */
function buildAction<Ctx extends Context, Schema extends z.ZodType, T>(
  guard: (base: Context) => Promise<Ctx>,
  schema: Schema,
  body: (args: { input: z.output<Schema>; ctx: Ctx }) => Promise<T>,
) {
  return async function safeAction(stateOrInput: unknown, formData?: FormData): Promise<ActionResult<T>> {
    const raw = formData ?? stateOrInput;
    const fromForm = raw instanceof FormData;
    const input = fromForm ? formDataToObject(raw) : raw;
    const values = fromForm ? echoValues(input as Record<string, unknown>) : {};
    const requestId = randomUUID();
    const t = await getTranslations("errors");
    try {
      const ctx = await guard({ requestId });
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_form";
          fieldErrors[field] ??= t.has(`validation.${issue.message}`) ? t(`validation.${issue.message}`) : t("validation.invalid");
        }
        return { ok: false, message: t("validation.summary"), fieldErrors, values };
      }
      return { ok: true, data: await body({ input: parsed.data, ctx }) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not errors
      if (error instanceof DomainError) {
        const message = t.has(error.code) ? t(error.code, error.params) : t("unexpected", { requestId });
        return { ok: false, message, fieldErrors: error.field ? { [error.field]: message } : {}, values };
      }
      console.error(JSON.stringify({ level: "error", requestId, error: error instanceof Error ? error.stack : String(error) }));
      return { ok: false, message: t("unexpected", { requestId }), fieldErrors: {}, values, requestId };
    }
  };
}

// React adds its own `$ACTION_…` fields to progressively enhanced forms; they are not input.
function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    object[key] = key in object ? ([] as unknown[]).concat(object[key], value) : value;
  }
  return object;
}

function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export const publicAction = new ActionChain<Context>(async (base) => base);

export const signedInAction = publicAction.use(async (ctx) => {
  const viewer = await getViewer();
  if (!viewer) throw new DomainError("signInRequired");
  return { ...ctx, viewer };
});

function roleChain(roles: Role[]) {
  return signedInAction.use(async (ctx: Context & { viewer: Viewer }) => {
    if (!roles.includes(ctx.viewer.role)) throw new DomainError("forbidden");
    return ctx;
  });
}

export const studentAction = roleChain(["STUDENT"]);
export const correspondentAction = roleChain(["CORRESPONDENT"]);
/** Correspondents and admins: the staff who review. */
export const staffAction = roleChain(["CORRESPONDENT", "ADMIN"]);
export const adminAction = roleChain(["ADMIN"]);
