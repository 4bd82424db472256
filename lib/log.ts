/**
 * The portal's log lines: one JSON object per line (time, level, event, requestId when known,
 * then the event's fields), so a log collector can filter by event or follow one request.
 * No "server-only" and no Next import: the operators' commands (scripts/, run with tsx) log
 * through it too.
 */

type Level = "info" | "warn" | "error";

export interface LogFields {
  /** The id the user was shown (an unexpected error) or that the audit events carry. */
  requestId?: string;
  /** Anything thrown: written as its message (and, for errors, its stack), never as an object dump. */
  error?: unknown;
  [field: string]: unknown;
}

export function logInfo(event: string, fields: LogFields = {}): void {
  console.info(logLine("info", event, fields));
}

export function logWarn(event: string, fields: LogFields = {}): void {
  console.warn(logLine("warn", event, fields));
}

export function logError(event: string, fields: LogFields = {}): void {
  console.error(logLine("error", event, fields));
}

/** The JSON line itself (exported for its test). */
export function logLine(level: Level, event: string, fields: LogFields, now = new Date()): string {
  const { requestId, error, ...rest } = fields;
  const thrown =
    error === undefined
      ? {}
      : error instanceof Error
        ? // A warning is an expected outcome: its message says enough; an error needs the stack.
          { error: error.message, ...(level === "error" ? { stack: error.stack } : {}) }
        : { error: String(error) };
  return JSON.stringify(
    { time: now.toISOString(), level, event, requestId, ...rest, ...thrown },
    // Counts and sizes from Prisma may be bigints, which JSON cannot write.
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
  );
}
