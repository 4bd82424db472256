/**
 * `npm run bench:http`: the portal's production build against a baseline that runs the same
 * SQL with nothing else (issue 20). Seeds its own database at each level, captures the SQL
 * of every scenario from the portal, then drives load with autocannon, interleaving portal
 * and baseline runs (A, B, A, B, …) so that a noisy machine weighs on both alike.
 *
 * Flags: --levels 1000,10000 (add 100000, or --full), --duration 5 (seconds per run),
 * --rounds 3, --connections 20, --submit-connections 50, --drafts 400, --profile (writes a
 * CPU profile of the portal, `node --cpu-prof`), --keep (keeps the database).
 * Ports: BENCH_PORT_BASE (default 4470) and the next four, or BENCH_PORTS (five, comma-separated).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { academicYearOf } from "../../lib/academic-year.ts";
import { startMailSink } from "../../lib/mail/sink.ts";
import { dropDatabase, ensureDatabase, ensurePostgres, projectRoot } from "../../prisma/postgres.ts";
import { demoPassword } from "../../prisma/seed.ts";
import { migrateAndSeed } from "../prepare-database.ts";
import { webNodeFlags } from "../web-node-flags.ts";
import type { BaselineScenario } from "./baseline-server.ts";
import { budgetedPages, firstLoadJs } from "./first-load-js.ts";
import { type LoadTarget, runLoad } from "./load.ts";
import {
  actionHeaders,
  actionId,
  formActionBody,
  type PortalServer,
  signIn,
  startPortal,
  stopChild,
} from "./portal-server.ts";
import { markdownTable, median, type ScenarioRow, writeReport } from "./report.ts";
import {
  bulkDossierCount,
  draftEmailPrefix,
  resetDrafts,
  seedDossiers,
  seedDrafts,
  submittedDraftCount,
} from "./seed.ts";
import { startSqlCapture } from "./sql-capture.ts";

const { values: flags } = parseArgs({
  options: {
    levels: { type: "string", default: "1000,10000" },
    full: { type: "boolean", default: false },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    "submit-connections": { type: "string", default: "50" },
    drafts: { type: "string", default: "400" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Only the scenarios whose name contains one of these words (comma-separated). */
    only: { type: "string" },
  },
});
const levels = (flags.full ? "1000,10000,100000" : flags.levels).split(",").map(Number);
const firstLevel = levels[0] ?? 1000;
const duration = Number(flags.duration);
const warmUpSeconds = 2;
const rounds = Number(flags.rounds);
const connections = Number(flags.connections);
const submitConnections = Number(flags["submit-connections"]);
const draftCount = Number(flags.drafts);
const portBase = Number(process.env.BENCH_PORT_BASE ?? 4470);
// BENCH_PORTS="portal,baseline,hello,smtp,capture" when the five from the base are not all free.
const portList = process.env.BENCH_PORTS?.split(",").map(Number) ?? [0, 1, 2, 3, 4].map((step) => portBase + step);
const [portal = portBase, baseline = portBase + 1, hello = portBase + 2, smtp = portBase + 3, capture = portBase + 4] =
  portList;
const ports = { portal, baseline, hello, smtp, capture };
const outDir = path.join(projectRoot, ".data", "bench-http");
const databaseName = "portal_bench";
const log = (line: string) => console.log(`[bench] ${line}`);

interface Scenario {
  name: string;
  /** The portal request (path, method, headers per request, expected answer). */
  portal: (index: number) => { path: string; method: "GET" | "POST"; headers: Record<string, string>; body?: string };
  expectStatus: number;
  expectHeader?: string;
  connections: number;
  baselinePath: string;
  /** Values of the signed-in user in the captured SQL, replaced per request in the baseline. */
  identity?: (index: number) => string[];
  writes?: boolean;
}

async function main() {
  const thisYear = academicYearOf(new Date());
  const server = await ensurePostgres({ log });
  await dropDatabase(server, databaseName);
  const databaseUrl = await ensureDatabase(server, databaseName);
  await migrateAndSeed(databaseUrl, log);
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  const children: ChildProcess[] = [];
  let portal: PortalServer | undefined;
  const sink = await startMailSink({ port: ports.smtp, dir: path.join(outDir, "mail") });
  try {
    log(`seeding ${draftCount} drafts and ${firstLevel.toLocaleString("en")} dossiers`);
    await seedDrafts(sql, draftCount, thisYear);
    await seedDossiers(sql, 0, firstLevel, thisYear);

    const portalEnv = (url: string) => ({
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${ports.portal}`,
      SMTP_HOST: "localhost",
      SMTP_PORT: String(ports.smtp),
      MAIL_SINK_DIR: path.join(outDir, "mail"),
      UPLOAD_DIR: path.join(outDir, "uploads"),
      // The pages are measured, not the sign-in's second step: the seeded staff have no factor.
      SECOND_FACTOR: "optional",
    });
    const signInId = actionId("signInAction", "lib/auth/actions.ts");
    const submitId = actionId("submitApplicationAction", "lib/applications/actions.ts");
    const submitForm = formActionBody({});
    const drafts = (
      await sql.query(
        `SELECT u.id AS "userId", u.email, a.id AS "applicationId" FROM "User" u JOIN "Application" a ON a."studentId" = u.id
         WHERE u.email LIKE '${draftEmailPrefix}%' ORDER BY u.email`,
      )
    ).rows as { userId: string; email: string; applicationId: string }[];

    // 1. Capture: the portal talks to PostgreSQL through the recording proxy; each scenario is
    //    requested twice to warm up, then once recorded.
    const target = new URL(databaseUrl);
    const capture = await startSqlCapture({ host: target.hostname, port: Number(target.port) }, ports.capture);
    const viaCapture = new URL(databaseUrl);
    viaCapture.hostname = "127.0.0.1";
    viaCapture.port = String(capture.port);
    portal = await startPortal({ port: ports.portal, env: portalEnv(viaCapture.toString()) });
    let sessions = await signInUsers(sql, portal.origin, signInId, drafts.slice(0, 3));
    const scenarios = defineScenarios(
      portal.origin,
      submitId,
      submitForm,
      sessions.cookies,
      drafts,
      sessions.sessionIds,
    );
    const captured: Record<string, BaselineScenario> = {};
    for (const scenario of scenarios) {
      // The submit scenario's warm-ups and capture each submit another draft (index 0, 1, 2).
      for (let attempt = 0; attempt < 2; attempt++) await request(portal.origin, scenario.portal(attempt));
      capture.start();
      const answer = await request(portal.origin, scenario.portal(2));
      const statements = capture.stop();
      if (
        answer.status !== scenario.expectStatus ||
        (scenario.expectHeader && !answer.headers.has(scenario.expectHeader))
      ) {
        throw new Error(
          `${scenario.name}: the portal answered ${answer.status}, not ${scenario.expectStatus}:\n${answer.start}`,
        );
      }
      captured[scenario.name] = {
        path: scenario.baselinePath,
        statements,
        bytes: answer.bytes,
        status: answer.status,
        contentType: answer.contentType,
        identity: scenario.identity?.(2),
        rollback: scenario.writes,
      };
      log(`captured ${scenario.name}: ${statements.length} SQL statements, ${answer.bytes} bytes`);
    }
    await portal.stop();
    await capture.close();
    const scenariosFile = path.join(outDir, "scenarios.json");
    mkdirSync(outDir, { recursive: true });
    writeFileSync(scenariosFile, JSON.stringify(captured, null, 2));

    // 2. The portal alone on PostgreSQL, every draft signed in; the baseline and the ceiling.
    portal = await startPortal({
      port: ports.portal,
      env: portalEnv(databaseUrl),
      // The flags the portal runs with (scripts/start.ts), so the load is measured on them.
      nodeFlags: [
        ...webNodeFlags,
        ...(flags.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(outDir, "profiles")}`] : []),
      ],
    });
    await resetDrafts(sql);
    log(`signing in ${drafts.length + 2} users`);
    sessions = await signInUsers(sql, portal.origin, signInId, drafts);
    const measured = defineScenarios(
      portal.origin,
      submitId,
      submitForm,
      sessions.cookies,
      drafts,
      sessions.sessionIds,
    ).filter((scenario) => !flags.only || flags.only.split(",").some((word) => scenario.name.includes(word)));
    const baseline = await forkServer("baseline-server.ts", [String(ports.baseline), databaseUrl, scenariosFile]);
    const hello = await forkServer("hello-server.ts", [String(ports.hello)]);
    children.push(baseline, hello);

    const firstLoad: Record<string, number> = {};
    for (const [label, page] of budgetedPages) {
      firstLoad[label] = firstLoadJs(page).kb;
    }

    const rows: ScenarioRow[] = [];
    let seeded = firstLevel;
    for (const level of levels) {
      if (level > seeded) {
        log(`seeding up to ${level.toLocaleString("en")} dossiers`);
        await seedDossiers(sql, await bulkDossierCount(sql), level, thisYear);
        seeded = level;
      }
      for (const scenario of measured) {
        const row: ScenarioRow = { dossiers: level, scenario: scenario.name, portal: [], baseline: [] };
        const portalTarget = (index: number) => scenario.portal(index);
        const first = portalTarget(0);
        const portalLoad: LoadTarget = {
          url: `${portal.origin}${first.path}`,
          method: first.method,
          headers: (index) => portalTarget(index).headers,
          body: first.body,
          expectStatus: scenario.expectStatus,
          expectHeader: scenario.expectHeader,
          pid: portal.pid,
        };
        const baselineLoad: LoadTarget = {
          url: `http://127.0.0.1:${ports.baseline}${scenario.baselinePath}`,
          method: first.method,
          headers: (index): Record<string, string> =>
            scenario.identity ? { "x-bench-as": scenario.identity(index).join(",") } : {},
          body: first.body,
          expectStatus: captured[scenario.name]?.status ?? 200,
          pid: baseline.pid!,
        };
        // Warm-up, not recorded: the first requests of a route load and compile its code.
        if (scenario.writes) await resetDrafts(sql);
        await runLoad(portalLoad, scenario.connections, warmUpSeconds);
        await runLoad(baselineLoad, scenario.connections, warmUpSeconds);
        for (let round = 0; round < rounds; round++) {
          if (scenario.writes) await resetDrafts(sql);
          const portalRun = await runLoad(portalLoad, scenario.connections, duration);
          if (scenario.writes) {
            const submitted = await submittedDraftCount(sql);
            log(`  submit round ${round + 1}: ${submitted} distinct drafts submitted`);
          }
          row.portal.push(portalRun);
          // The baseline writes too (rolled back): it starts from the same drafts.
          if (scenario.writes) await resetDrafts(sql);
          row.baseline.push(await runLoad(baselineLoad, scenario.connections, duration));
        }
        rows.push(row);
        const p = median(row.portal)!;
        const b = median(row.baseline)!;
        log(
          `${level} ${scenario.name}: portal ${p.requestsPerSecond.toFixed(0)} req/s p95 ${p.p95} ms ${p.cpuMsPerRequest.toFixed(2)} CPU ms, errors ${p.errors}; baseline ${b.requestsPerSecond.toFixed(0)} req/s: ${(p.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`,
        );
      }
      const ceiling: ScenarioRow = { dossiers: level, scenario: "hello world (ceiling)", portal: [], baseline: [] };
      for (let round = 0; round < rounds; round++) {
        ceiling.baseline.push(
          await runLoad(
            {
              url: `http://127.0.0.1:${ports.hello}/`,
              method: "GET",
              headers: () => ({}),
              expectStatus: 200,
              pid: hello.pid!,
            },
            connections,
            duration,
          ),
        );
      }
      rows.push(ceiling);
    }

    const settings = `${rounds} interleaved rounds of ${duration} s per server, ${connections} connections (submit ${submitConnections}, ${drafts.length} distinct students), medians shown`;
    const markdown = markdownTable(rows, firstLoad, settings);
    const files = writeReport(outDir, { settings, levels, rows, firstLoad, captured }, markdown);
    console.log(`\n${markdown}`);
    log(`written: ${files.md}, ${files.json}`);
  } finally {
    await portal?.stop();
    for (const child of children) await stopChild(child);
    await sink.close();
    await sql.end();
    if (!flags.keep) {
      await dropDatabase(server, databaseName);
      await server.stop();
    }
  }
}

function defineScenarios(
  origin: string,
  submitId: string,
  submitForm: { body: string; contentType: string },
  cookies: { correspondent: string; student: string; drafts: string[] },
  drafts: { userId: string; applicationId: string }[],
  sessionIds: string[],
): Scenario[] {
  const get = (pathname: string, cookie?: string) => () => ({
    path: pathname,
    method: "GET" as const,
    headers: cookie ? { cookie } : ({} as Record<string, string>),
  });
  const draftAt = (index: number) => index % cookies.drafts.length;
  return [
    {
      name: "queue (status + year filter)",
      portal: get(`/en/review?status=SUBMITTED&year=${academicYearOf(new Date())}`, cookies.correspondent),
      expectStatus: 200,
      connections: Number(flags.connections),
      baselinePath: "/queue",
    },
    {
      name: "dossier",
      portal: get("/en/dossier", cookies.student),
      expectStatus: 200,
      connections: Number(flags.connections),
      baselinePath: "/dossier",
    },
    {
      name: "submit",
      portal: (index) => ({
        path: "/en/apply/submit",
        method: "POST",
        headers: actionHeaders(origin, submitId, submitForm.contentType, cookies.drafts[draftAt(index)]),
        body: submitForm.body,
      }),
      // A successful action that redirects answers 200 with the target in x-action-redirect
      // (and the target page's payload); a refusal answers 200 without it.
      expectStatus: 200,
      expectHeader: "x-action-redirect",
      connections: Number(flags["submit-connections"]),
      baselinePath: "/submit",
      identity: (index) => {
        const draft = drafts[draftAt(index)];
        return [draft?.userId ?? "", draft?.applicationId ?? "", sessionIds[draftAt(index)] ?? ""];
      },
      writes: true,
    },
    {
      name: "/api/health",
      portal: get("/api/health"),
      expectStatus: 200,
      connections: Number(flags.connections),
      baselinePath: "/health",
    },
  ];
}

/** Signs in the correspondent, one bench student with a submitted dossier, and the drafts. */
async function signInUsers(
  sql: pg.Client,
  origin: string,
  signInId: string,
  drafts: { email: string }[],
): Promise<{ cookies: { correspondent: string; student: string; drafts: string[] }; sessionIds: string[] }> {
  const correspondent = await signIn(origin, "ri.sciences@amu.example.org", demoPassword, signInId);
  const student = await signIn(origin, "bench-s-1@example.org", demoPassword, signInId);
  const cookies: string[] = new Array(drafts.length);
  // Four at a time: each sign-in is an argon2id verification (about 50 ms of CPU).
  for (let start = 0; start < drafts.length; start += 4) {
    await Promise.all(
      drafts.slice(start, start + 4).map(async (draft, offset) => {
        cookies[start + offset] = await signIn(origin, draft.email, demoPassword, signInId);
      }),
    );
  }
  const sessionIds = await sessionIdsOf(
    sql,
    drafts.map((draft) => draft.email),
  );
  return { cookies: { correspondent, student, drafts: cookies }, sessionIds };
}

/** The newest session of each user: the id the portal reads, which the baseline substitutes. */
async function sessionIdsOf(sql: pg.Client, emails: string[]): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT DISTINCT ON (u.email) u.email, s.id FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE u.email = ANY($1) ORDER BY u.email, s."createdAt" DESC`,
    [emails],
  );
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  return emails.map((email) => byEmail.get(email));
}

async function request(origin: string, target: ReturnType<Scenario["portal"]>) {
  const response = await fetch(`${origin}${target.path}`, {
    method: target.method,
    headers: target.headers,
    body: target.body,
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes: body.length,
    contentType: response.headers.get("content-type") ?? "text/html",
    start: `${[...response.headers].map((pair) => pair.join(": ")).join("\n")}\n${body.subarray(0, 400).toString()}`,
  };
}

function forkServer(file: string, args: string[]): Promise<ChildProcess> {
  const child = fork(path.join(import.meta.dirname, file), args, { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

// The embedded PostgreSQL kept by --keep is a child process: exit without waiting for it.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
