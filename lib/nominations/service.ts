import "server-only";
import { randomUUID } from "node:crypto";
import { applicationYears } from "@/lib/academic-year";
import { firstInvitationMails } from "@/lib/accounts/invitations";
import { type LinkMail, linkMail } from "@/lib/accounts/links";
import { openStatuses } from "@/lib/applications/rules";
import { recordAudit } from "@/lib/audit";
import { unusablePasswordHash } from "@/lib/auth/password";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { callColumns, withComponentIds } from "@/lib/calls/queries";
import { pickOpenCall } from "@/lib/calls/rules";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { validateEwpXml } from "@/lib/ewp/schema-validation";
import { parseXml } from "@/lib/ewp/xml-dom";
import { guardXmlBytes } from "@/lib/ewp/xml-guard";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/routing";
import { ewpSpecsDir } from "@/lib/iias/specs-dir";
import { OMOBILITIES_V3_NS, omobilityRecords } from "@/lib/nominations/ewp";
import {
  checkNominationRecords,
  type EwpPreview,
  type NominationRecord,
  type NominationReferences,
  type NominationRow,
  nominationKey,
  type ParsedNominations,
  parseNominationCsv,
} from "@/lib/nominations/rules";
import type { TAttachNomination } from "@/lib/nominations/schemas";

type Actor = { id: string; requestId?: string };

/** What the preview shows and what confirming writes: the same reading of the same file. */
async function loadReferences(database: Tx | typeof db, now: Date): Promise<NominationReferences> {
  const years = applicationYears(now);
  const [partners, components, existing] = await Promise.all([
    database.partnerInstitution.findMany({ select: { id: true, name: true, erasmusCode: true, ewpHeiId: true } }),
    database.component.findMany({ select: { id: true, code: true } }),
    database.nomination.findMany({
      where: { academicYear: { in: years } },
      select: { email: true, academicYear: true, period: true },
    }),
  ]);
  const partnerMap = new Map<string, string>();
  for (const partner of partners) {
    partnerMap.set(partner.name.toLowerCase(), partner.id);
    if (partner.erasmusCode) partnerMap.set(partner.erasmusCode.toLowerCase(), partner.id);
    // An EWP file names the partner by its HEI ID.
    if (partner.ewpHeiId) partnerMap.set(partner.ewpHeiId.toLowerCase(), partner.id);
  }
  return {
    partners: partnerMap,
    components: new Map(components.map((component) => [component.code.toLowerCase(), component.id])),
    existing: new Set(existing.map(nominationKey)),
    years,
  };
}

/** R-ELI-2: the file read and checked, row by row; nothing is written. */
export async function previewNominations(csv: string, now = new Date()): Promise<ParsedNominations> {
  return parseNominationCsv(csv, await loadReferences(db, now));
}

/**
 * R-ELI-2: records every nomination of the file, or none: the file is read again as the preview
 * read it, and any error refuses the whole of it. Each student gets an account (found by e-mail,
 * or created without a usable password: the invitation link sets it; one account per address,
 * however many nominations) and, when a call is open for the year and period and the student has
 * no application in progress, a draft pre-filled from the nomination. The mails to send once
 * committed are returned (an invitation for a new account, a notice for an existing one).
 */
export async function confirmNominations(csv: string, actor: Actor, now = new Date()) {
  return confirmParsed((references) => parseNominationCsv(csv, references), "CSV", actor, now);
}

/**
 * R-ELI-2: the nominations of an EWP Outgoing Mobilities v3 file, validated against the official
 * schema (EWP_SPECS_DIR) and mapped to the CSV's fields. Unset folder: refused as not configured,
 * nothing read or written.
 */
export async function previewEwpNominations(bytes: Uint8Array, now = new Date()): Promise<EwpPreview> {
  const read = await readOmobilities(bytes);
  if (!read.ok) return read;
  return checkNominationRecords(read.records, await loadReferences(db, now), 1);
}

export async function confirmEwpNominations(bytes: Uint8Array, actor: Actor, now = new Date()) {
  const read = await readOmobilities(bytes);
  if (!read.ok) throw new DomainError("nominationImportInvalid");
  return confirmParsed((references) => checkNominationRecords(read.records, references, 1), "EWP", actor, now);
}

async function readOmobilities(
  bytes: Uint8Array,
): Promise<{ ok: true; records: NominationRecord[] } | Exclude<EwpPreview, ParsedNominations>> {
  const specsDir = ewpSpecsDir();
  if (!specsDir) return { ok: false, problem: "ewpNotConfigured" };
  const guarded = guardXmlBytes(bytes);
  if (!guarded.ok) return { ok: false, problem: "ewpUnreadable" };
  const root = parseXml(guarded.text);
  if (!root) return { ok: false, problem: "ewpUnreadable" };
  if (root.localName !== "omobilities-get-response" || root.namespaceURI !== OMOBILITIES_V3_NS) {
    return { ok: false, problem: "ewpOtherDocument" };
  }
  const validation = await validateEwpXml(specsDir, "omobilities-get-response", guarded.text);
  if (!validation.valid) return { ok: false, problem: "ewpSchemaInvalid", schemaErrors: validation.errors };
  return { ok: true, records: omobilityRecords(root) };
}

async function confirmParsed(
  parse: (references: NominationReferences) => ParsedNominations,
  source: "CSV" | "EWP",
  actor: Actor,
  now: Date,
) {
  const passwordHash = await unusablePasswordHash();
  return db.$transaction(
    async (tx) => {
      // Two imports at once would read the same "already nominated" facts: one after the other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('nominations.import'))`;
      const parsed = parse(await loadReferences(tx, now));
      if (!parsed.ok || parsed.errors.length > 0 || parsed.rows.length === 0) {
        throw new DomainError("nominationImportInvalid");
      }
      const students = await accountsFor(tx, parsed.rows, passwordHash);
      const nominations = parsed.rows.map((row) => ({
        id: randomUUID(),
        ...row,
        studentId: students.get(row.email)!.id,
      }));
      await insertNominations(tx, nominations, source, actor.id);
      const drafts = await startDrafts(tx, nominations, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "nomination.import",
        entityType: "Nomination",
        entityId: nominations[0]!.id,
        after: { count: nominations.length, drafts: drafts, source, ids: nominations.map((n) => n.id) },
        requestId: actor.requestId,
      });
      const all = [...students.values()];
      const mails: LinkMail[] = [
        ...(await firstInvitationMails(
          tx,
          all.filter((student) => student.created),
          "nominationInvitation",
        )),
        ...all.filter((student) => !student.created).map((student) => linkMail(student, "nominationNotice", "")),
      ];
      return { count: nominations.length, drafts, mails };
    },
    { timeout: 120_000 },
  );
}

type Student = { id: string; email: string; name: string; locale: AppLocale; created: boolean };

/** One account per address: found, or created (student, no usable password yet). */
async function accountsFor(tx: Tx, rows: NominationRow[], passwordHash: string): Promise<Map<string, Student>> {
  const emails = [...new Set(rows.map((row) => row.email))];
  const found = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, name: true, locale: true, role: true },
  });
  // A staff address nominated as a student is a mistake in the file, never an account to reuse.
  if (found.some((user) => user.role !== "STUDENT")) throw new DomainError("nominationImportInvalid");
  const students = new Map<string, Student>(found.map((user) => [user.email, { ...user, created: false }]));
  const firstRow = new Map<string, NominationRow>();
  for (const row of rows) if (!firstRow.has(row.email)) firstRow.set(row.email, row);
  const fresh = emails
    .filter((email) => !students.has(email))
    .map((email) => {
      const row = firstRow.get(email)!;
      return { id: randomUUID(), email, name: row.studentName, locale: row.locale, created: true };
    });
  // One statement over arrays: thousands of rows in one round trip (issue 13's benchmark).
  await tx.$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "locale", "updatedAt")
    SELECT id, email, name, ${passwordHash}, 'STUDENT'::"Role", locale::"Locale", now()
    FROM unnest(${fresh.map((u) => u.id)}::uuid[], ${fresh.map((u) => u.email)}::text[],
                ${fresh.map((u) => u.name)}::text[], ${fresh.map((u) => u.locale)}::text[]) AS t(id, email, name, locale)`;
  for (const student of fresh) students.set(student.email, student);
  return students;
}

type DraftRow = {
  studentId: string;
  nominationId: string;
  firstName: string | null;
  lastName: string | null;
  contactEmail: string;
  partnerId: string;
  homeCoordinatorName: string;
  nominatedBy: string | null;
  nominatedOn: Date;
  componentId: string;
  studyLevel: string;
  academicYear: number;
  period: string;
  callId: string;
  searchText: string;
};

/**
 * A draft per nomination whose call is open and whose student has nothing in progress, filled
 * from the nomination (home university, faculty, level, year, period, coordinator).
 */
async function startDrafts(tx: Tx, nominations: (NominationRow & { id: string; studentId: string })[], now: Date) {
  const [calls, busy, partners] = await Promise.all([
    tx.applicationCall.findMany({ where: { applicationDeadline: { gte: now } }, select: callColumns }),
    tx.application.findMany({
      where: { studentId: { in: nominations.map((n) => n.studentId) }, status: { in: openStatuses } },
      select: { studentId: true },
    }),
    tx.partnerInstitution.findMany({
      where: { id: { in: [...new Set(nominations.map((n) => n.partnerId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const taken = new Set(busy.map((row) => row.studentId));
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  const data: DraftRow[] = [];
  for (const nomination of nominations) {
    const call = pickOpenCall(calls.map(withComponentIds), nomination, now);
    if (!call || taken.has(nomination.studentId)) continue;
    taken.add(nomination.studentId);
    const words = nomination.studentName.split(" ");
    data.push({
      studentId: nomination.studentId,
      nominationId: nomination.id,
      firstName: words.length > 1 ? words.slice(0, -1).join(" ") : null,
      lastName: words.at(-1) ?? null,
      contactEmail: nomination.email,
      partnerId: nomination.partnerId,
      homeCoordinatorName: nomination.homeCoordinatorName,
      nominatedBy: partnerName.get(nomination.partnerId) ?? null,
      nominatedOn: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
      componentId: nomination.componentId,
      studyLevel: nomination.studyLevel,
      academicYear: nomination.academicYear,
      period: nomination.period,
      callId: call.id,
      searchText: `${nomination.studentName} ${nomination.email}`.toLowerCase(),
    });
  }
  const column = <K extends keyof (typeof data)[number]>(key: K) => data.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO "Application" ("id", "studentId", "nominationId", "firstName", "lastName", "contactEmail",
      "partnerId", "homeCoordinatorName", "nominatedBy", "nominatedOn", "componentId", "studyLevel",
      "academicYear", "period", "callId", "searchText", "updatedAt")
    SELECT gen_random_uuid(), t.student, t.nomination, t.first, t.last, t.email, t.partner, t.coordinator,
      t.nominated_by, ${data[0]?.nominatedOn ?? new Date()}::date, t.component, t.level::"StudyLevel", t.year,
      t.period::"StudyPeriod", t.call, t.search, now()
    FROM unnest(${column("studentId")}::uuid[], ${column("nominationId")}::uuid[], ${column("firstName")}::text[],
      ${column("lastName")}::text[], ${column("contactEmail")}::text[], ${column("partnerId")}::uuid[],
      ${column("homeCoordinatorName")}::text[], ${column("nominatedBy")}::text[], ${column("componentId")}::uuid[],
      ${column("studyLevel")}::text[], ${column("academicYear")}::int[], ${column("period")}::text[],
      ${column("callId")}::uuid[], ${column("searchText")}::text[])
      AS t(student, nomination, first, last, email, partner, coordinator, nominated_by, component, level, year,
           period, call, search)`;
  return data.length;
}

/** The nominations, in one statement over arrays (thousands of rows in one round trip). */
async function insertNominations(
  tx: Tx,
  nominations: (NominationRow & { id: string; studentId: string })[],
  source: "CSV" | "EWP",
  createdById: string,
) {
  const column = <K extends keyof (typeof nominations)[number]>(key: K) => nominations.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO "Nomination" ("id", "source", "partnerId", "studentName", "email", "componentId", "studyLevel",
      "period", "academicYear", "homeCoordinatorName", "studentId", "createdById")
    SELECT t.id, ${source}::"NominationSource", t.partner, t.name, t.email, t.component, t.level::"StudyLevel",
      t.period::"StudyPeriod", t.year, t.coordinator, t.student, ${createdById}::uuid
    FROM unnest(${column("id")}::uuid[], ${column("partnerId")}::uuid[], ${column("studentName")}::text[],
      ${column("email")}::text[], ${column("componentId")}::uuid[], ${column("studyLevel")}::text[],
      ${column("period")}::text[], ${column("academicYear")}::int[], ${column("homeCoordinatorName")}::text[],
      ${column("studentId")}::uuid[]) AS t(id, partner, name, email, component, level, period, year, coordinator, student)`;
}

/**
 * R-ELI-2: a reviewer attaches the partner's nomination to a dossier submitted without one. The
 * dossier must be in the viewer's scope and have none; the nomination must be the student's and
 * free: the unique key on the application's nomination settles two reviewers at once.
 */
export async function attachNomination(viewer: Viewer, input: TAttachNomination, requestId?: string) {
  try {
    await db.$transaction(async (tx) => {
      const application = await tx.application.findFirst({
        where: { id: input.applicationId, ...staffScope(viewer) },
        select: { id: true, nominationId: true, studentId: true, student: { select: { email: true } } },
      });
      if (!application) throw new NotFoundError();
      if (application.nominationId) throw new DomainError("nominationAlreadyAttached");
      const nomination = await tx.nomination.findUnique({
        where: { id: input.nominationId },
        select: {
          studentId: true,
          email: true,
          academicYear: true,
          period: true,
          partnerId: true,
          application: { select: { id: true } },
        },
      });
      const students =
        nomination &&
        (nomination.studentId === application.studentId ||
          nomination.email === application.student.email.toLowerCase());
      if (!nomination || !students) throw new DomainError("choiceGone", {}, "nominationId");
      if (nomination.application) throw new DomainError("nominationTaken", {}, "nominationId");
      // Guarded on the state read above: two reviewers attaching at once both read "none
      // attached"; the second waits for the first's row lock, then finds it attached (0 rows).
      const attached = await tx.application.updateMany({
        where: { id: application.id, nominationId: null },
        data: { nominationId: input.nominationId },
      });
      if (attached.count === 0) throw new DomainError("nominationAlreadyAttached");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "nomination.attach",
        entityType: "Application",
        entityId: application.id,
        after: { nominationId: input.nominationId, academicYear: nomination.academicYear, period: nomination.period },
        requestId,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("nominationTaken", {}, "nominationId");
    }
    throw error;
  }
}
