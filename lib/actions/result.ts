/** What every server action answers; shared by the chain (server) and the forms (client). */
export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** Translated, for the whole form. */
      message: string;
      /** Translated, per field name, shown next to the field. */
      fieldErrors: Record<string, string>;
      /** What the user typed (secrets excepted), so the form can show it again. */
      values: Record<string, string>;
      /** For unexpected errors: the id under which the server logged it. */
      requestId?: string;
    };

export type FormState<T = unknown> = ActionResult<T> | null;
