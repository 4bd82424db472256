/**
 * The route handlers under the permission table (lib/auth/permissions.ts `routePermissions`),
 * generated like the actions' test: each route called as anonymous, student A, student B, the
 * correspondents of X (A's faculty) and Y, an admin, and an AMU student (issue 19: they see no
 * incoming dossier, and incoming students none of theirs), on A's resources. A call succeeds
 * (2xx) exactly when the row allows the caller and the resource is in the caller's scope, and
 * then shows A's data only to those whose scope holds it; every other call is refused with the
 * routes' one error body — 401 for an anonymous caller of a row that says so, 404 otherwise —
 * and changes nothing. Every route file under app/api is built from its row (but the two the
 * table leaves out, with its reasons).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { attachSignedPdf } from "@/lib/agreements/service";
import { isAllowed, type RouteName, type RoutePermission, routePermissions } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { uploadDocument } from "@/lib/documents/service";
import { issueLetterInTx } from "@/lib/letters/issue";
import { iiaResponse, spec, studiesBody } from "../support/iia-xml";
import { errorMessages } from "../support/next-stand-ins";
import { createComponent, createPartner, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-routes-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const names = [
  "anonymous",
  "student A",
  "student B",
  "correspondent of X",
  "correspondent of Y",
  "admin",
  "sponsor",
  "AMU student",
] as const;
type Name = (typeof names)[number];
const viewers = {} as Record<Name, Viewer | null>;
const academicYear = 2960;
let bookingId: string;
let roundId: string;
let applicationOfA: string;
let amiApplicationId: string;

const pdf = () => new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "route.pdf", { type: "application/pdf" });
const documentOfA = async () =>
  (await uploadDocument(viewers["student A"]!, { kind: "VISA_FEE_RECEIPT", file: pdf() })).id;
const sameOrigin = { origin: "http://localhost", host: "localhost" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  const [componentX, componentY] = [await createComponent(), await createComponent()];
  viewers.anonymous = null;
  viewers["student A"] = await createViewer("STUDENT");
  viewers["student B"] = await createViewer("STUDENT");
  viewers["correspondent of X"] = await createViewer("CORRESPONDENT", [componentX.id]);
  viewers["correspondent of Y"] = await createViewer("CORRESPONDENT", [componentY.id]);
  viewers.admin = await createViewer("ADMIN");
  viewers.sponsor = await createViewer("SPONSOR");
  viewers["AMU student"] = await createViewer("AMU_STUDENT");
  // The AMU student's granted mobility grant: the finance export shows it to the office only.
  amiApplicationId = (
    await db.amiApplication.create({
      data: {
        studentId: viewers["AMU student"]!.id,
        status: "GRANTED",
        mobilityKind: "STUDIES",
        hostName: "Route host university",
        country: "DE",
        startDate: new Date("2025-01-06"),
        endDate: new Date("2025-06-05"),
        partOfCurriculum: true,
        referentTeacher: "Route referent",
        grantStatus: "SOCIAL_GRANT",
        grantLevel: 3,
        birthDate: new Date("2003-05-10"),
        months: 5,
        submittedAt: new Date("2024-06-01"),
        computedAmountCents: 200_000,
        grantedAmountCents: 200_000,
        decidedAt: new Date(),
      },
      select: { id: true },
    })
  ).id;
  const application = await db.application.create({
    data: {
      studentId: viewers["student A"]!.id,
      // A submitted dossier has its names (one without is an erased person's: lib/student-name.ts).
      firstName: "Ada",
      lastName: "Alpha",
      status: "ACCEPTED",
      componentId: componentX.id,
      academicYear,
      decidedAt: new Date(),
      submittedAt: new Date(),
      lastSubmittedAt: new Date(),
    },
    select: { id: true },
  });
  applicationOfA = application.id;
  await db.application.create({
    data: {
      studentId: viewers["student B"]!.id,
      status: "ACCEPTED",
      componentId: componentY.id,
      academicYear,
      decidedAt: new Date(),
    },
  });
  // Created as the welcome-desk tests and the seed create it: whichever test file runs first,
  // the other finds the same desk (its place and address), not a bare one.
  const desk = await db.welcomeDesk.upsert({
    where: { city: "MARSEILLE" },
    create: {
      city: "MARSEILLE",
      placeName: "Espace Pouillon",
      address: "3 place Victor Hugo",
    },
    update: {},
    select: { id: true },
  });
  const slot = await db.welcomeDeskSlot.create({
    data: {
      deskId: desk.id,
      startsAt: new Date(Date.now() + 86_400_000 * 500),
      endsAt: new Date(Date.now() + 86_400_000 * 500 + 1_800_000),
      capacity: 1,
      booked: 1,
    },
  });
  bookingId = (
    await db.welcomeDeskBooking.create({
      data: { slotId: slot.id, applicationId: application.id },
      select: { id: true },
    })
  ).id;
  roundId = (
    await db.housingRound.create({
      data: { academicYear, semester: "S2", releaseAt: new Date() },
      select: { id: true },
    })
  ).id;
});

/**
 * Whether the caller reaches the resource under the row's scope (owner-bound routes name one):
 * A's, or the AMU student's for the mobility grant's routes.
 */
function inScope(permission: RoutePermission, who: Name, ownerBound: boolean, owner: Name): boolean {
  switch (permission.scope) {
    case "own":
      return ownerBound ? who === owner : who.startsWith("student");
    case "dossier":
      return who === owner || who === "correspondent of X" || who === "admin";
    default:
      return true;
  }
}

/** Whether the caller's answer may show A's data (routes that list or export, not one resource). */
function seesA(permission: RoutePermission, who: Name): boolean {
  switch (permission.scope) {
    case "self":
      return who === "student A";
    case "component":
    case "dossier":
      return who === "correspondent of X" || who === "admin";
    case "all":
      return who === "admin";
    default:
      return who === "student A";
  }
}

type Call = {
  ownerBound: boolean;
  /** Whose resource it is: student A unless said. */
  owner?: Name;
  call: () => Promise<Response>;
  unchanged?: () => Promise<void>;
  /** Something of A's that a successful answer shows exactly when `seesA`. */
  marker?: () => string;
};

/** A partner's nomination of student A for A's faculty (X), created once. */
let nominationOfAId: string | undefined;
async function nominationOfA() {
  if (nominationOfAId) return;
  const application = await db.application.findUniqueOrThrow({ where: { id: applicationOfA } });
  const partner = await createPartner();
  nominationOfAId = (
    await db.nomination.create({
      data: {
        source: "CSV",
        partnerId: partner.id,
        studentName: "Nominee Alpha",
        email: viewers["student A"]!.email,
        componentId: application.componentId!,
        studyLevel: "MASTER",
        period: "S1",
        academicYear,
        homeCoordinatorName: "Coordinator",
        studentId: viewers["student A"]!.id,
        createdById: viewers.admin!.id,
      },
      select: { id: true },
    })
  ).id;
}

/** An agreement of its own for each call of the admin-only agreement routes. */
async function routeAgreement() {
  const partner = await db.partnerInstitution.create({
    // With an EWP code: the IIA export needs one.
    data: { name: "Route partner", country: "PL", city: "Warsaw", ewpHeiId: `route-${randomUUID()}.example` },
    select: { id: true },
  });
  const agreement = await db.agreement.create({
    data: {
      partnerId: partner.id,
      kind: "ERASMUS_PLUS",
      firstAcademicYear: 2026,
      lastAcademicYear: 2027,
      incomingSeatsPerYear: 2,
      studyLevels: ["MASTER"],
    },
    select: { id: true },
  });
  return agreement.id;
}

const calls: Record<RouteName, () => Promise<Call>> = {
  "GET /api/documents/[id]": async () => {
    const id = await documentOfA();
    const { GET } = await import("@/app/api/documents/[id]/route");
    return { ownerBound: true, call: () => GET(new Request("http://localhost/api/documents/x"), params(id)) };
  },
  "GET /api/letters/[id]": async () => {
    const letter = await db.$transaction((tx) =>
      issueLetterInTx(tx, {
        applicationId: applicationOfA,
        kind: "ACCEPTANCE",
        locale: "en",
        actorId: null,
        requestId: "t",
      }),
    );
    const { GET } = await import("@/app/api/letters/[id]/route");
    return { ownerBound: true, call: () => GET(new Request("http://localhost/api/letters/x"), params(letter.id)) };
  },
  "GET /api/letters/preview": async () => {
    const { GET } = await import("@/app/api/letters/preview/route");
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/api/letters/preview?kind=ACCEPTANCE&locale=fr")),
    };
  },
  "DELETE /api/documents/[id]": async () => {
    const id = await documentOfA();
    const { DELETE } = await import("@/app/api/documents/[id]/route");
    return {
      ownerBound: true,
      call: () =>
        DELETE(new Request("http://localhost/api/documents/x", { method: "DELETE", headers: sameOrigin }), params(id)),
      unchanged: async () => expect(await db.applicationDocument.count({ where: { id } })).toBe(1),
    };
  },
  "POST /api/documents": async () => {
    const { POST } = await import("@/app/api/documents/route");
    return {
      ownerBound: false,
      call: () => {
        const form = new FormData();
        form.set("kind", "VISA_PROOF_OF_RESIDENCE");
        form.set("file", pdf());
        return POST(new Request("http://localhost/api/documents", { method: "POST", headers: sameOrigin, body: form }));
      },
    };
  },
  "GET /api/arrivals/export": async () => {
    const { GET } = await import("@/app/api/arrivals/export/route");
    return {
      ownerBound: false,
      call: () => GET(new Request(`http://localhost/api/arrivals/export?format=csv&year=${academicYear}`)),
      marker: () => viewers["student A"]!.email,
    };
  },
  "GET /api/applications/export": async () => {
    const { GET } = await import("@/app/api/applications/export/route");
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/api/applications/export?format=csv&sort=name")),
      marker: () => "ALPHA Ada",
    };
  },
  "GET /api/nominations/export": async () => {
    const { GET } = await import("@/app/api/nominations/export/route");
    await nominationOfA();
    return {
      ownerBound: false,
      call: () => GET(new Request(`http://localhost/api/nominations/export?format=csv&year=${academicYear}`)),
      marker: () => "Nominee Alpha",
    };
  },
  "GET /api/housing/rounds/[id]/export": async () => {
    const { GET } = await import("@/app/api/housing/rounds/[id]/export/route");
    await db.housingRequest.upsert({
      where: { applicationId: applicationOfA },
      create: { applicationId: applicationOfA, roundId, cityPreference: "MARSEILLE", requestedAt: new Date() },
      update: {},
    });
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/x?format=csv"), params(roundId)),
      marker: () => "ALPHA Ada",
    };
  },
  "GET /api/housing/rounds/[id]/progress": async () => {
    const { GET } = await import("@/app/api/housing/rounds/[id]/progress/route");
    return { ownerBound: false, call: () => GET(new Request("http://localhost/x"), params(roundId)) };
  },
  "GET /api/welcome-desk/attendees/export": async () => {
    const { GET } = await import("@/app/api/welcome-desk/attendees/export/route");
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/x?format=csv")),
      marker: () => "ALPHA Ada",
    };
  },
  "GET /api/welcome-desk/bookings/[id]/ics": async () => {
    const { GET } = await import("@/app/api/welcome-desk/bookings/[id]/ics/route");
    return { ownerBound: true, call: () => GET(new Request("http://localhost/x"), params(bookingId)) };
  },
  "POST /api/agreements/iia-import": async () => {
    const { POST } = await import("@/app/api/agreements/iia-import/route");
    return {
      ownerBound: false,
      call: () => {
        // Schema-valid without the official files too: the preview then answers "not configured" (400).
        const form = new FormData();
        form.set(
          "file",
          new File([iiaResponse([spec("student-studies-mobility-spec", { body: studiesBody() })])], "iias.xml"),
        );
        form.set("mode", "preview");
        return POST(
          new Request("http://localhost/api/agreements/iia-import", {
            method: "POST",
            headers: sameOrigin,
            body: form,
          }),
        );
      },
      unchanged: async () => expect(await db.agreement.count({ where: { partnerIiaId: "ours-1" } })).toBe(0),
    };
  },
  "POST /api/nominations/ewp-import": async () => {
    const { POST } = await import("@/app/api/nominations/ewp-import/route");
    return {
      ownerBound: false,
      call: () => {
        // Previewed only: answers "not configured" without the official files, or the rows; writes nothing.
        const form = new FormData();
        form.set("file", new File(["<omobilities-get-response/>"], "omobilities.xml"));
        form.set("mode", "preview");
        return POST(
          new Request("http://localhost/api/nominations/ewp-import", {
            method: "POST",
            headers: sameOrigin,
            body: form,
          }),
        );
      },
      unchanged: async () => expect(await db.nomination.count({ where: { source: "EWP", email: "none" } })).toBe(0),
    };
  },
  "GET /api/agreements/[id]/iia": async () => {
    const { GET } = await import("@/app/api/agreements/[id]/iia/route");
    const agreementId = await routeAgreement();
    return { ownerBound: false, call: () => GET(new Request("http://localhost/x"), params(agreementId)) };
  },
  "GET /api/agreements/[id]/signed-pdf": async () => {
    const { GET } = await import("@/app/api/agreements/[id]/signed-pdf/route");
    const agreementId = await routeAgreement();
    await attachSignedPdf(agreementId, pdf(), { id: viewers.admin!.id });
    return { ownerBound: false, call: () => GET(new Request("http://localhost/x"), params(agreementId)) };
  },
  "POST /api/agreements/[id]/signed-pdf": async () => {
    const { POST } = await import("@/app/api/agreements/[id]/signed-pdf/route");
    const agreementId = await routeAgreement();
    return {
      ownerBound: false,
      call: () => {
        const form = new FormData();
        form.set("file", pdf());
        return POST(
          new Request("http://localhost/x", { method: "POST", headers: sameOrigin, body: form }),
          params(agreementId),
        );
      },
      unchanged: async () =>
        expect(await db.agreement.findUniqueOrThrow({ where: { id: agreementId } })).toMatchObject({
          signedPdfKey: null,
        }),
    };
  },
  "GET /api/ami/export": async () => {
    const { GET } = await import("@/app/api/ami/export/route");
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/api/ami/export?format=csv")),
      marker: () => viewers["AMU student"]!.email,
    };
  },
  "POST /api/ami/documents": async () => {
    const { POST } = await import("@/app/api/ami/documents/route");
    // Changes requested: the student may upload again.
    await db.amiApplication.update({ where: { id: amiApplicationId }, data: { status: "CHANGES_REQUESTED" } });
    const before = await db.amiDocument.count({ where: { applicationId: amiApplicationId } });
    return {
      ownerBound: true,
      owner: "AMU student",
      call: () => {
        const form = new FormData();
        form.set("applicationId", amiApplicationId);
        form.set("kind", "AWARD_LETTER");
        form.set("file", pdf());
        return POST(
          new Request("http://localhost/api/ami/documents", { method: "POST", headers: sameOrigin, body: form }),
        );
      },
      unchanged: async () =>
        expect(await db.amiDocument.count({ where: { applicationId: amiApplicationId } })).toBe(before),
    };
  },
  "GET /api/ami/documents/[id]": async () => {
    const { GET } = await import("@/app/api/ami/documents/[id]/route");
    // One proof of each kind per application: each principal's call brings its own.
    await db.amiDocument.deleteMany({ where: { applicationId: amiApplicationId, kind: "DISABILITY_PROOF" } });
    const document = await db.amiDocument.create({
      data: {
        applicationId: amiApplicationId,
        kind: "DISABILITY_PROOF",
        originalName: "proof.pdf",
        storageKey: randomUUID(),
        contentType: "application/pdf",
        size: 15,
        sha256: "0".repeat(64),
      },
      select: { id: true, storageKey: true },
    });
    const { documentStorage } = await import("@/lib/documents/storage");
    await documentStorage().put(document.storageKey, new Blob(["%PDF-1.4\n%%EOF\n"]).stream());
    return {
      ownerBound: true,
      owner: "AMU student",
      call: () => GET(new Request("http://localhost/x"), params(document.id)),
    };
  },
  "GET /api/ready": async () => {
    const { GET } = await import("@/app/api/ready/route");
    return { ownerBound: false, call: () => GET(new Request("http://localhost/api/ready")) };
  },
  "GET /api/me/export": async () => {
    const { GET } = await import("@/app/api/me/export/route");
    return {
      ownerBound: false,
      call: () => GET(new Request("http://localhost/api/me/export")),
      marker: () => viewers["student A"]!.email,
    };
  },
};

// Outside the table on purpose (see lib/auth/permissions.ts): health, and the single sign-on's
// return (its proof is next-auth's state/PKCE/nonce cookies; tests/e2e/sso.spec.ts drives it).
const outsideTheTable = ["GET /api/health", "GET /api/auth/callback/sso"];
const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const apiRoot = path.resolve(import.meta.dirname, "../../app/api");

/** Every handler exported by a route file under app/api, named "METHOD /api/path", with its `route` label. */
async function routeFiles(): Promise<Map<string, unknown>> {
  const files = (readdirSync(apiRoot, { recursive: true }) as string[]).filter((file) =>
    /(^|[/\\])route\.ts$/.test(file),
  );
  const handlers = new Map<string, unknown>();
  for (const file of files) {
    const routePath = `/api/${path.dirname(file).split(path.sep).join("/")}`;
    const module = (await import(path.join(apiRoot, file))) as Record<string, unknown>;
    for (const method of methods.filter((name) => name in module)) {
      handlers.set(`${method} ${routePath}`, (module[method] as { route?: string }).route);
    }
  }
  return handlers;
}

describe("the route table, the route files and the routes' test are the same list", () => {
  it("every route of the table is called here", () => {
    expect(Object.keys(calls).sort()).toEqual(Object.keys(routePermissions).sort());
  });

  it("every handler under app/api is built from its own row, but those the table leaves out", async () => {
    const handlers = await routeFiles();
    expect([...handlers.keys()].sort()).toEqual([...Object.keys(routePermissions), ...outsideTheTable].sort());
    for (const [name, label] of handlers) {
      expect(label, name).toBe(outsideTheTable.includes(name) ? undefined : name);
    }
  });
});

const cases = (Object.keys(routePermissions) as RouteName[]).flatMap((route) =>
  names.map((who) => [route, who] as const),
);

describe("each route, as each principal, answers exactly whom its row allows", () => {
  it.each(cases)("%s as %s", async (route, who) => {
    const permission = routePermissions[route];
    const { ownerBound, owner = "student A", call, unchanged, marker } = await calls[route]();
    principal.viewer = viewers[who];
    const response = await call();
    if (isAllowed(permission, viewers[who]?.role ?? null) && inScope(permission, who, ownerBound, owner)) {
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      if (marker) expect((await response.text()).includes(marker())).toBe(seesA(permission, who));
    } else {
      const code = who === "anonymous" ? permission.anonymous : "notFound";
      expect(response.status).toBe(code === "signInRequired" ? 401 : 404);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ error: { code, message: errorMessages[code] } });
      expect(body).not.toMatch(/route\.pdf|@example\.org/);
      await unchanged?.();
    }
  });
});
