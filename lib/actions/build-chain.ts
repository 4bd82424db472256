import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { DomainError, type ErrorCode } from "@/lib/errors";

/**
 * The mechanics of the action chain, apart from where the viewer and the translations come
 * from (lib/actions/chain.ts wires the real ones; the tests wire their own).
 */
export interface ChainDependencies<Viewer extends { role: string }> {
  getViewer(): Promise<Viewer | null>;
  /** A translator for the `errors` catalogue in the request's language. */
  getErrorTranslator(): Promise<{
    (key: ErrorCode, values?: Record<string, string | number>): string;
    has(key: ErrorCode): boolean;
  }>;
  logError(entry: { requestId: string; error: unknown }): void;
}

interface Context {
  requestId: string;
}

class ActionChain<Ctx extends Context> {
  constructor(
    private readonly dependencies: ChainDependencies<{ role: string }>,
    private readonly guard: (base: Context) => Promise<Ctx>,
    private readonly permission?: string,
  ) {}

  /** A narrower chain: `next` adds to the context or throws a DomainError. */
  use<Next extends Context>(next: (ctx: Ctx) => Promise<Next>): ActionChain<Next> {
    return new ActionChain(this.dependencies, async (base) => next(await this.guard(base)), this.permission);
  }

  /** The same chain, its actions labelled with their permission (read by the authorization test). */
  named(permission: string): ActionChain<Ctx> {
    return new ActionChain(this.dependencies, this.guard, permission);
  }

  input<Schema extends z.ZodType>(schema: Schema) {
    return {
      action: <T>(body: (args: { input: z.output<Schema>; ctx: Ctx }) => Promise<T>) =>
        Object.assign(buildAction(this.dependencies, this.guard, schema, body), { permission: this.permission }),
    };
  }
}

/**
 * Callable as a form action with useActionState (previous state, FormData), as a plain form
 * action (FormData), or from code (an object). The guard runs first, then the schema, then
 * the body.
 */
function buildAction<Ctx extends Context, Schema extends z.ZodType, T>(
  dependencies: ChainDependencies<{ role: string }>,
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
    const t = await dependencies.getErrorTranslator();
    try {
      const ctx = await guard({ requestId });
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_form";
          // A schema's message names a validation text, but it reaches here as a plain string:
          // t.has checks it at run time, and an unknown one falls back to "invalid".
          const key = `validation.${issue.message}` as ErrorCode;
          fieldErrors[field] ??= t.has(key) ? t(key) : t("validation.invalid");
        }
        return { ok: false, message: t("validation.summary"), fieldErrors, values };
      }
      return { ok: true, data: await body({ input: parsed.data, ctx }) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are how Next navigates, not failures
      if (error instanceof DomainError) {
        const message = t.has(error.code) ? t(error.code, error.params) : t("unexpected", { requestId });
        return { ok: false, message, fieldErrors: error.field ? { [error.field]: message } : {}, values };
      }
      dependencies.logError({ requestId, error });
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

/** What the form shows again after a refusal: every text field but secrets. */
function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** public → signed in → role. */
export function buildChains<Viewer extends { role: string }>(dependencies: ChainDependencies<Viewer>) {
  const publicAction = new ActionChain<Context>(dependencies, async (base) => base);
  const signedInAction = publicAction.use(async (ctx) => {
    const viewer = await dependencies.getViewer();
    if (!viewer) throw new DomainError("signInRequired");
    return { ...ctx, viewer };
  });
  const roleChain = (roles: Viewer["role"][]) =>
    signedInAction.use(async (ctx) => {
      if (!roles.includes(ctx.viewer.role)) throw new DomainError("forbidden");
      return ctx;
    });
  return { publicAction, signedInAction, roleChain };
}
