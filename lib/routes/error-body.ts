/**
 * The one error body of every route handler (lib/routes/build-route.ts), shared with the
 * client components that read it. Imports nothing: a browser bundle may use it.
 */
export interface RouteErrorBody {
  error: {
    /** A key of the `errors` catalogue (notFound, documentTooLarge, validation.required…): for code to branch on. */
    code: string;
    /** Translated into the user's language: shown as is. */
    message: string;
    /** The form field the error belongs to, if any. */
    field?: string;
    /** Unexpected errors only: the id under which the server logged it (the message quotes it too). */
    requestId?: string;
  };
}

/** The HTTP status of each error code a route answers with; any other refusal is a 400. */
export function statusForErrorCode(code: string): number {
  switch (code) {
    case "notFound":
      return 404;
    case "signInRequired":
      return 401;
    case "forbidden":
      return 403;
    case "documentTooLarge":
      return 413;
    case "documentTypeRefused":
    case "documentPhotoType":
      return 415;
    case "storageUnavailable":
      return 503;
    default:
      return 400;
  }
}
