import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countMassMailRecipients, getMassMailing } from "@/lib/mass-mail/queries";
import { createMassMailing, type MassMail, sendMassMailing } from "@/lib/mass-mail/service";
import { createComponent, createViewer, thisYear } from "./fixtures";

/**
 * Mass e-mail to a filtered group (issue 14): the preview's count, one sent-log row per
 * student, and a restarted or doubled job that sends nothing twice.
 */
let correspondent: Viewer;
let componentId: string;
const tag = Math.random().toString(36).slice(2, 8);

async function dossier(options: { status?: "ACCEPTED" | "SUBMITTED"; nationality?: string; component?: string } = {}) {
  const student = await createViewer("STUDENT");
  return db.application.create({
    data: {
      studentId: student.id,
      componentId: options.component ?? componentId,
      academicYear: thisYear,
      period: "S2",
      status: options.status ?? "ACCEPTED",
      nationality: options.nationality ?? "CN",
      firstName: `Mass${tag}`,
      lastName: "Mail",
      lastSubmittedAt: new Date(),
      searchText: `mass${tag} mail ${student.email}`,
    },
  });
}

/** A sender that records each e-mail, and can fail at one address. */
function recorder(failFor?: string) {
  const sent: MassMail[] = [];
  return {
    sent,
    deps: {
      send: async (mail: MassMail) => {
        if (mail.to === failFor) throw new Error("550 refused");
        sent.push(mail);
      },
    },
  };
}

const filters = () => ({
  status: "ACCEPTED" as const,
  period: "S2" as const,
  origin: "outsideEurope" as const,
  q: `mass${tag}`,
});

beforeAll(async () => {
  componentId = (await createComponent()).id;
  correspondent = await createViewer("CORRESPONDENT", [componentId]);
  for (let index = 0; index < 6; index++) await dossier();
  await dossier({ status: "SUBMITTED" }); // not accepted
  await dossier({ component: (await createComponent()).id }); // outside the scope
});

describe("mass e-mail", () => {
  it("previews the group's count, writes one log row per student, and sends each once", async () => {
    expect(await countMassMailRecipients(correspondent, filters())).toBe(6);
    const mailing = await createMassMailing(
      correspondent,
      { ...filters(), subject: "Integration week", body: "It starts on Monday." },
      "req-mass",
    );
    expect(mailing.recipients).toBe(6);
    const { sent, deps } = recorder();
    expect(await sendMassMailing(mailing.id, deps)).toEqual({ sent: 6, failed: 0 });
    expect(new Set(sent.map((mail) => mail.to)).size).toBe(6);
    expect(sent[0]!.values).toMatchObject({ subject: "Integration week", body: "It starts on Monday." });
    // Run again: everything is in the log as sent.
    expect(await sendMassMailing(mailing.id, deps)).toEqual({ sent: 0, failed: 0 });
    expect(await getMassMailing(correspondent, mailing.id)).toMatchObject({ total: 6, sent: 6, waiting: 0 });
    expect(await db.auditEvent.count({ where: { action: "massMail.create", entityId: mailing.id } })).toBe(1);
  });

  it("after a crash, a restart sends only what was never claimed; the interrupted one is uncertain", async () => {
    const mailing = await createMassMailing(correspondent, { ...filters(), subject: "S", body: "B" }, "req-mass");
    const rows = await db.massMailRecipient.findMany({ where: { mailingId: mailing.id }, orderBy: { id: "asc" } });
    // The crashed run: two sent and logged, one claimed and then the process died.
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await db.massMailRecipient.updateMany({
      where: { id: { in: [rows[0]!.id, rows[1]!.id] } },
      data: { claimedAt: longAgo, sentAt: longAgo },
    });
    await db.massMailRecipient.update({ where: { id: rows[2]!.id }, data: { claimedAt: longAgo } });

    const { sent, deps } = recorder();
    expect(await sendMassMailing(mailing.id, deps)).toEqual({ sent: 3, failed: 0 });
    // None of the three the crashed run took: the two it logged, nor the one it was sending.
    const taken = await db.application.findMany({
      where: { id: { in: rows.slice(0, 3).map((row) => row.applicationId) } },
      select: { student: { select: { email: true } } },
    });
    const sentTo = sent.map((mail) => mail.to);
    for (const { student } of taken) expect(sentTo).not.toContain(student.email);
    const logged = await db.massMailRecipient.findMany({ where: { mailingId: mailing.id, sentAt: { not: null } } });
    expect(logged).toHaveLength(5);
    expect(await getMassMailing(correspondent, mailing.id)).toMatchObject({ sent: 5, uncertain: 1, waiting: 0 });
  });

  it("two runs at once share the work: every student gets exactly one e-mail", async () => {
    const mailing = await createMassMailing(correspondent, { ...filters(), subject: "S", body: "B" }, "req-mass");
    const first = recorder();
    const second = recorder();
    await Promise.all([sendMassMailing(mailing.id, first.deps), sendMassMailing(mailing.id, second.deps)]);
    const addresses = [...first.sent, ...second.sent].map((mail) => mail.to);
    expect(addresses).toHaveLength(6);
    expect(new Set(addresses).size).toBe(6);
  });

  it("a refusal by the mail server is retried by the next run, not this one", async () => {
    const mailing = await createMassMailing(correspondent, { ...filters(), subject: "S", body: "B" }, "req-mass");
    const refused = (
      await db.massMailRecipient.findFirstOrThrow({
        where: { mailingId: mailing.id },
        select: { application: { select: { student: { select: { email: true } } } } },
      })
    ).application.student.email;
    expect(await sendMassMailing(mailing.id, recorder(refused).deps)).toEqual({ sent: 5, failed: 1 });
    const retry = recorder();
    expect(await sendMassMailing(mailing.id, retry.deps)).toEqual({ sent: 1, failed: 0 });
    expect(retry.sent.map((mail) => mail.to)).toEqual([refused]);
  });

  it("only the author (or an admin) sees a mailing", async () => {
    const mailing = await createMassMailing(correspondent, { ...filters(), subject: "S", body: "B" }, "req-mass");
    const other = await createViewer("CORRESPONDENT", [componentId]);
    expect(await getMassMailing(other, mailing.id)).toBeNull();
    expect(await getMassMailing(await createViewer("ADMIN"), mailing.id)).not.toBeNull();
  });
});
