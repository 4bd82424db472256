/**
 * Two portal instances behind nginx (scripts/cluster-test.ts): what a second node must not
 * break. nginx balances round robin; the X-Cluster-Node header (honoured by this test's proxy
 * only) pins a request to one node, and X-Served-By says which node answered.
 */
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { demoAccounts, demoPassword, fillSignIn, formAlert } from "../e2e/support";

const nodes = JSON.parse(process.env.CLUSTER_NODES ?? "{}") as Record<"node-a" | "node-b", string>;
const pgids = JSON.parse(process.env.CLUSTER_PGIDS ?? "{}") as Record<string, number>;
const databaseUrl = process.env.CLUSTER_DATABASE_URL ?? "";

test.describe.configure({ mode: "serial" });

async function database<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function pinTo(page: Page, node: "a" | "b") {
  await page.context().setExtraHTTPHeaders({ "X-Cluster-Node": node });
}

test("a page served by node A posts its server action to node B: the action is found and signs in", async ({
  page,
}) => {
  await pinTo(page, "a");
  const form = await page.goto("/en/login");
  expect(form?.headers()["x-served-by"]).toBe(nodes["node-a"]);

  await pinTo(page, "b");
  const action = page.waitForResponse((response) => response.request().method() === "POST");
  await fillSignIn(page, demoAccounts.student.email, demoPassword);
  const posted = await action;
  expect(posted.headers()["x-served-by"]).toBe(nodes["node-b"]);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
});

test("a document uploaded through node A is downloaded through node B, from the bucket", async ({ page }) => {
  await database((client) =>
    client.query(
      // A student may hold several applications (one per call): add a draft only if none exists.
      `INSERT INTO "Application" ("id", "studentId", "updatedAt")
       SELECT gen_random_uuid(), u."id", now() FROM "User" u WHERE u."email" = $1
         AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."studentId" = u."id")`,
      [demoAccounts.student.email],
    ),
  );
  await pinTo(page, "a");
  await page.goto("/en/login");
  await fillSignIn(page, demoAccounts.student.email, demoPassword);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });

  const bytes = Buffer.from(`%PDF-1.4\n% cluster ${Date.now()}\ntrailer << >>\n%%EOF\n`);
  const origin = new URL(page.url()).origin;
  const upload = await page.request.post("/api/documents?locale=en", {
    headers: { Origin: origin, "X-Cluster-Node": "a" },
    multipart: { kind: "PASSPORT", file: { name: "passport.pdf", mimeType: "application/pdf", buffer: bytes } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  expect(upload.headers()["x-served-by"]).toBe(nodes["node-a"]);
  const { id } = ((await upload.json()) as { document: { id: string } }).document;

  const download = await page.request.get(`/api/documents/${id}`, { headers: { "X-Cluster-Node": "b" } });
  expect(download.status(), await download.text()).toBe(200);
  expect(download.headers()["x-served-by"]).toBe(nodes["node-b"]);
  expect(Buffer.from(await download.body()).equals(bytes)).toBe(true);

  // The object is in the bucket, under the row's key; no node wrote it to its disk.
  const key = await database(
    async (client) =>
      (await client.query(`SELECT "storageKey" FROM "ApplicationDocument" WHERE "id" = $1`, [id])).rows[0].storageKey,
  );
  expect((await fetch(`${process.env.CLUSTER_S3_ENDPOINT}/${key}`)).status).toBe(200);
  const { existsSync } = await import("node:fs");
  expect(existsSync(process.env.CLUSTER_UPLOAD_DIR ?? "/nonexistent")).toBe(false);
});

test("the sign-in limit holds across both nodes", async ({ page }) => {
  // Six failures for one account, alternating nodes; then even the right password waits (the
  // counters are rows of PostgreSQL, not memory of one node).
  const email = demoAccounts.law.email;
  for (let attempt = 0; attempt < 6; attempt++) {
    await pinTo(page, attempt % 2 === 0 ? "a" : "b");
    await page.goto("/en/login");
    await fillSignIn(page, email, "not the password at all");
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password.", { timeout: 30_000 });
  }
  await pinTo(page, "a");
  await page.goto("/en/login");
  await fillSignIn(page, email, demoPassword);
  await expect(formAlert(page)).toContainText("Too many failed attempts", { timeout: 30_000 });
});

test("the scheduled job fires once per slot, though both nodes run a worker", async () => {
  // The cluster schedules the reminders every minute: wait for two slots to have run.
  await expect
    .poll(
      () =>
        database(
          async (client) =>
            (await client.query(`SELECT 1 FROM pgboss.job WHERE name = 'visa-reminders' AND state = 'completed'`))
              .rowCount,
        ),
      { timeout: 200_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(2);
  const slots = await database(
    async (client) =>
      (
        await client.query(
          `SELECT date_trunc('minute', created_on) AS slot, count(*)::int AS jobs
           FROM pgboss.job WHERE name = 'visa-reminders' GROUP BY 1 ORDER BY 1`,
        )
      ).rows as { slot: Date; jobs: number }[],
  );
  expect(slots.length).toBeGreaterThanOrEqual(2);
  for (const slot of slots) expect(slot.jobs, String(slot.slot)).toBe(1);
});

test("a node killed in the middle of a job: the other node retries it and it finishes once", async () => {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  let victim = "";
  try {
    // Hold the checklists' table.
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE "ArrivalChecklist" IN ACCESS EXCLUSIVE MODE`);
    // The reminders job of the next slot blocks on it, on whichever node's worker took it.
    const deadline = Date.now() + 120_000;
    while (!victim && Date.now() < deadline) {
      victim = await database(async (client) => {
        const waiting = await client.query(
          `SELECT application_name FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND application_name LIKE 'node-%' AND query LIKE '%ArrivalChecklist%'`,
        );
        return (waiting.rows[0]?.application_name as string | undefined) ?? "";
      });
      if (!victim) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(victim).toMatch(/^node-[ab]$/);
    // The whole instance dies at once (launcher, Next, worker), as a crashed machine would.
    process.kill(-pgids[victim]!, "SIGKILL");
  } finally {
    await holder.query("COMMIT");
    await holder.end();
  }
  const active = await database(
    async (client) =>
      (await client.query(`SELECT id FROM pgboss.job WHERE name = 'visa-reminders' AND state = 'active'`)).rows,
  );
  expect(active).toHaveLength(1);
  const jobId = active[0].id as string;

  // The surviving node's worker expires the dead node's job and runs it again, once.
  await expect
    .poll(
      () =>
        database(
          async (client) =>
            (await client.query(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [jobId])).rows[0],
        ),
      { timeout: 120_000, intervals: [2_000] },
    )
    .toEqual({ state: "completed", retry_count: 1 });

  // The proxy keeps answering from the node left.
  const survivor = victim === "node-a" ? nodes["node-b"] : nodes["node-a"];
  const health = await fetch(`${process.env.CLUSTER_URL}/api/ready`);
  expect(health.status).toBe(200);
  expect(health.headers.get("x-served-by")?.endsWith(survivor)).toBe(true);
});

test("a draining node finishes the request in flight, then refuses new connections", async ({ page }) => {
  // The node left after the previous test; its address, without the proxy.
  const alive = await fetch(`${process.env.CLUSTER_URL}/api/ready`);
  const survivor = (alive.headers.get("x-served-by") ?? "").split(", ").pop()!;
  const name = Object.entries(nodes).find(([, address]) => address === survivor)![0];

  await page.goto("/en/login");
  await fillSignIn(page, demoAccounts.student.email, demoPassword);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  // An upload whose body is still arriving when the node is told to stop.
  const boundary = "----cluster-drain";
  const pdf = `%PDF-1.4\n% drain ${Date.now()}\ntrailer << >>\n%%EOF\n`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPASSPORT\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="drain.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`,
  );
  const { request } = await import("node:http");
  const [host, port] = survivor.split(":");
  const origin = process.env.CLUSTER_URL!;
  const answer = new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        method: "POST",
        path: "/api/documents?locale=en",
        headers: {
          Host: new URL(origin).host,
          Origin: origin,
          Cookie: cookie,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(body.length),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.write(body.subarray(0, 40));
    setTimeout(() => {
      process.kill(-pgids[name]!, "SIGTERM");
      setTimeout(() => req.end(body.subarray(40)), 1_500);
    }, 500);
  });
  expect(await answer).toBe(201);

  // Stopped listening: a new connection is refused at once, not left hanging.
  await expect
    .poll(
      () =>
        fetch(`http://${survivor}/api/health`).then(
          () => "answered",
          () => "refused",
        ),
      { timeout: 30_000 },
    )
    .toBe("refused");
});
