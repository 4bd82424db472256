import { randomBytes } from "node:crypto";
import { academicYearOf } from "@/lib/academic-year";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { DocumentKind, Role, StudyLevel, StudyPeriod, TeachingLanguage } from "@/lib/generated/prisma/client";
import { uniqueEmail } from "./helpers";

/** Fixtures for integration tests: every name is unique, so tests share the run's database. */
const tag = () => randomBytes(4).toString("hex");

export const thisYear = academicYearOf(new Date());

export async function createComponent() {
  const code = `TEST_${tag()}`;
  return db.component.create({ data: { code, nameFr: `Composante ${code}`, nameEn: `Component ${code}` } });
}

export async function createPartner(
  agreements: {
    /** A kind's code (R-PAR-1); the six AMU signs are recorded by the migrations. */
    kind?: string;
    componentIds: string[];
    levels?: StudyLevel[];
    years?: [number, number];
    seats?: number;
  }[] = [],
) {
  return db.partnerInstitution.create({
    data: {
      name: `University ${tag()}`,
      country: "DE",
      city: "Karlsruhe",
      agreements: {
        create: agreements.map((agreement) => ({
          kind: agreement.kind ?? "ERASMUS_PLUS",
          studyLevels: agreement.levels ?? ["BACHELOR", "MASTER"],
          firstAcademicYear: agreement.years?.[0] ?? thisYear - 1,
          lastAcademicYear: agreement.years?.[1] ?? thisYear + 2,
          incomingSeatsPerYear: agreement.seats ?? 5,
          components: { connect: agreement.componentIds.map((id) => ({ id })) },
        })),
      },
    },
  });
}

export async function createProgramme(
  componentId: string,
  options: { level?: StudyLevel; teachingLanguage?: TeachingLanguage; doubleDegreeCapacity?: number } = {},
) {
  return db.programme.create({
    data: {
      componentId,
      nameFr: `Formation ${tag()}`,
      nameEn: `Programme ${tag()}`,
      level: options.level ?? "MASTER",
      teachingLanguage: options.teachingLanguage ?? "FRENCH",
      doubleDegree: options.doubleDegreeCapacity !== undefined,
      yearlyCapacity: options.doubleDegreeCapacity ?? null,
    },
  });
}

/**
 * A user and the viewer the services receive for them (what getViewer() would build); their
 * address is confirmed unless `verified` is false (R-ACC-7).
 */
export async function createViewer(role: Role, componentIds: string[] = [], verified = true): Promise<Viewer> {
  const user = await db.user.create({
    data: {
      email: uniqueEmail(role.toLowerCase()),
      name: `${role} ${tag()}`,
      passwordHash: "not-used-in-these-tests",
      role,
      emailVerifiedAt: verified ? new Date() : null,
      components: { connect: componentIds.map((id) => ({ id })) },
    },
  });
  return {
    id: user.id,
    sessionId: "test",
    email: user.email,
    name: user.name,
    role,
    locale: "en",
    emailVerified: verified,
    componentIds: role === "CORRESPONDENT" ? componentIds : [],
  };
}

/** Document rows, as if uploaded (the files themselves do not matter to the application rules). */
export async function attachDocuments(applicationId: string, uploadedById: string, kinds: DocumentKind[]) {
  for (const kind of kinds) {
    await db.applicationDocument.create({
      data: {
        applicationId,
        kind,
        originalName: `${kind}.pdf`,
        storageKey: `test-${tag()}`,
        contentType: "application/pdf",
        size: 100,
        sha256: "0".repeat(64),
        uploadedById,
      },
    });
  }
}

export const allRequiredDocuments: DocumentKind[] = ["PASSPORT", "TRANSCRIPT", "LEARNING_AGREEMENT", "PHOTO"];

/** A confirmed student account that signs in with `password` (for the sign-in and session tests). */
export async function createStudentWithPassword(email: string, password: string, name = `Student ${tag()}`) {
  return db.user.create({
    data: { email, name, passwordHash: await hashPassword(password), role: "STUDENT", emailVerifiedAt: new Date() },
    select: { id: true, email: true, name: true },
  });
}

/**
 * R-ELI-8: a call for the year and period, open from a month ago for `days` more days (negative:
 * closed that many days ago). Calls may overlap: each test's own is enough for its drafts.
 */
export async function createCall(academicYear: number, period: "S1" | "S2" | "FULL_YEAR", days = 30) {
  const day = 86_400_000;
  return db.applicationCall.create({
    data: {
      academicYear,
      period,
      opensAt: new Date(Date.now() - 30 * day),
      nominationDeadline: new Date(Date.now() + (days - 1) * day),
      applicationDeadline: new Date(Date.now() + days * day),
    },
  });
}

/** A draft with every step saved and the required documents, in `call`: ready to be submitted. */
export async function createCompleteDraft(
  student: Viewer,
  plan: { partnerId: string; componentId: string; call: { id: string; academicYear: number; period: StudyPeriod } },
) {
  const application = await db.application.create({
    data: {
      studentId: student.id,
      firstName: "Ada",
      lastName: `Student ${tag()}`,
      partnerId: plan.partnerId,
      componentId: plan.componentId,
      studyLevel: "MASTER",
      academicYear: plan.call.academicYear,
      period: plan.call.period,
      callId: plan.call.id,
      plannedCourses: [{ title: "Photonics", ects: 30, semester: "S1" }],
      frenchLevel: "B2",
      englishLevel: "C1",
      languagesDeclared: true,
      housingRequested: false,
    },
    select: { id: true },
  });
  await attachDocuments(application.id, student.id, allRequiredDocuments);
  return application;
}
