import "server-only";
import { z } from "zod";

/**
 * The only reader of process.env. Validated once, on first use (and at boot by
 * instrumentation.ts), so a wrong setting stops the server with a clear message instead of
 * failing later in a request. `next build` does not touch it.
 */
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
    /** Connections per server process; PostgreSQL allows 100 by default. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(50).default(10),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
    /** Public base URL, used in e-mails. */
    APP_URL: z.url().default("http://localhost:3000"),
    SMTP_HOST: z.string().min(1).default("localhost"),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    /** Whether to use TLS from the start (port 465); STARTTLS is used when the server offers it. */
    SMTP_SECURE: z.stringbool().default(false),
    MAIL_FROM: z.string().min(3).default("AMU International Relations <relations-internationales@example.org>"),
    /** Folder of the development SMTP sink, read by the admin outbox page. Empty: no outbox. */
    MAIL_SINK_DIR: z.string().optional(),
    /** Where uploaded documents are kept: outside public/, never served directly. */
    UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
    /**
     * Where uploaded and generated files are kept: "local" (UPLOAD_DIR, one machine: the demo) or
     * "s3" (a private bucket of any S3-compatible store, shared by every node).
     */
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_BUCKET: z.string().min(3).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    /** An S3-compatible store's URL (e.g. https://s3.example.org); unset: AWS itself. */
    S3_ENDPOINT: z.url().optional(),
    /** Path-style addressing (host/bucket/key), needed by most self-hosted stores. */
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    /** Both or neither; neither: the SDK's default chain (instance role, AWS_* variables). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /**
     * How an authorised download leaves: "stream" (through the portal, the default) or
     * "redirect" (a 302 to a presigned URL of the bucket, valid DOWNLOAD_URL_SECONDS; S3 only).
     */
    DOWNLOAD_MODE: z.enum(["stream", "redirect"]).default("stream"),
    DOWNLOAD_URL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    /** Largest accepted upload, in bytes. */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** Session lifetimes (ASVS 7.3): absolute from sign-in, idle since the last request. */
    SESSION_ABSOLUTE_HOURS: z.coerce.number().min(1).max(720).default(12),
    SESSION_IDLE_MINUTES: z.coerce.number().min(5).max(1440).default(120),
    /**
     * Reverse proxies in front of the portal that append the client's address to
     * X-Forwarded-For. 0 (default): the header is ignored and the socket's address is the client.
     */
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Folder holding the official EWP specification files (schemas of IIAs v7, IIAs Approval v2
     * and the types they import; README "Erasmus Without Paper"). Unset: EWP imports are refused
     * as "not configured", never accepted without validation.
     */
    EWP_SPECS_DIR: z.string().min(1).optional(),
    /** Our institution's SCHAC code in the EWP network (`hei-id`). */
    EWP_HEI_ID: z
      .string()
      .regex(/^[a-z0-9.-]+$/, "EWP_HEI_ID must be a lowercase SCHAC code")
      .default("univ-amu.fr"),
    /**
     * R-MFA-4: "required" (default): correspondents and administrators who sign in with a
     * password must enrol a second factor (TOTP). "optional": only those who enrolled are asked
     * (a demo, the e2e suite). Whoever enrolled is always asked for a code.
     */
    SECOND_FACTOR: z.enum(["required", "optional"]).default("required"),
    /**
     * Single sign-on for staff (OpenID Connect, R-SSO-1): the identity provider's issuer URL
     * (discovery at ISSUER/.well-known/openid-configuration). Unset: no single sign-on button.
     */
    SSO_ISSUER: z.url().optional(),
    SSO_CLIENT_ID: z.string().min(1).optional(),
    SSO_CLIENT_SECRET: z.string().min(1).optional(),
    SSO_SCOPES: z.string().min(1).default("openid email profile"),
    /** The ID token's claims that carry the e-mail and the display name. */
    SSO_EMAIL_CLAIM: z.string().min(1).default("email"),
    SSO_NAME_CLAIM: z.string().min(1).default("name"),
    /** The claim listing the person's groups (e.g. "groups"), read only with SSO_GROUP_ROLES. */
    SSO_GROUPS_CLAIM: z.string().min(1).optional(),
    /** R-SSO-3: "group=ROLE" pairs, comma-separated (e.g. "dri-staff=CORRESPONDENT,dri-admins=ADMIN"). */
    SSO_GROUP_ROLES: z.string().optional(),
    /** The button's name on the sign-in page, e.g. "AMU account (ENT)". */
    SSO_LABEL: z.string().min(1).optional(),
    /**
     * The e-mail domains of AMU's own students, comma-separated: registering for the mobility grant
     * (issue 19) needs a verified address of one of them. A subdomain does not count.
     */
    AMU_STUDENT_EMAIL_DOMAINS: z
      .string()
      .default("etu.univ-amu.fr")
      .transform((list) =>
        list
          .split(",")
          .map((domain) => domain.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/, "AMU_STUDENT_EMAIL_DOMAINS: domains only")).min(1)),
    /**
     * The job queue (lib/jobs): when each scheduled job runs (cron, Europe/Paris), how often a
     * worker expires dead jobs and fires schedules, and how long a job may run before it is taken
     * for dead and retried on another worker.
     */
    JOBS_CRON_VISA_REMINDERS: z.string().min(9).default("0 * * * *"),
    JOBS_CRON_PRIVACY_RETENTION: z.string().min(9).default("30 3 * * *"),
    JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    JOBS_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** R-ACC-4: registrations accepted per client address and hour (the e2e suite, all on one address, raises it). */
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  })
  .superRefine((settings, context) => {
    if (settings.STORAGE_DRIVER === "s3" && !settings.S3_BUCKET)
      context.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "S3_BUCKET is required with STORAGE_DRIVER=s3",
      });
    if (Boolean(settings.S3_ACCESS_KEY_ID) !== Boolean(settings.S3_SECRET_ACCESS_KEY))
      context.addIssue({
        code: "custom",
        path: ["S3_SECRET_ACCESS_KEY"],
        message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
      });
  });

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
