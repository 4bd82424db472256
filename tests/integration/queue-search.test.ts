import { beforeAll, describe, expect, it } from "vitest";
import { listQueue } from "@/lib/applications/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createComponent, createViewer, thisYear } from "./fixtures";

/**
 * The reviewers' search (issue 14): accents and case ignored on both sides, the home
 * university's name and codes covered, non-Latin names found, always inside the viewer's scope.
 */
let correspondent: Viewer;
let outsider: Viewer;
let partner: { id: string; name: string };
const tag = Math.random().toString(36).slice(2, 8);

async function dossier(firstName: string, lastName: string, componentId: string, partnerId: string | null = null) {
  const student = await createViewer("STUDENT");
  return db.application.create({
    data: {
      studentId: student.id,
      componentId,
      partnerId,
      academicYear: thisYear,
      status: "SUBMITTED",
      firstName,
      lastName,
      lastSubmittedAt: new Date(),
      // As the application service writes it; the database adds the partner and folds it all.
      searchText: `${firstName} ${lastName} ${student.email}`.toLowerCase(),
    },
  });
}

const names = async (viewer: Viewer, q: string) =>
  (await listQueue(viewer, { q }, 100)).rows.map((row) => `${row.firstName} ${row.lastName}`).sort();

beforeAll(async () => {
  const component = await createComponent();
  const other = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  outsider = await createViewer("CORRESPONDENT", [other.id]);
  partner = await db.partnerInstitution.create({
    data: { name: `Università di Bologna ${tag}`, country: "IT", city: "Bologna", erasmusCode: `I BOLOGNA${tag}` },
  });
  await dossier(`Zoé${tag}`, "Lefèvre", component.id, partner.id);
  await dossier(`Zoe${tag}`, "Martin", component.id);
  await dossier(`王芳${tag}`, "李", component.id);
  await dossier(`Фёдор${tag}`, "Достоевский", component.id);
  await dossier(`محمد${tag}`, "علي", component.id);
  await dossier(`Zoë${tag}`, "Hidden", other.id);
});

describe("queue search (issue 14)", () => {
  it("finds an accented name typed without accents, and the plain name typed with them", async () => {
    expect(await names(correspondent, `zoe${tag}`)).toEqual([`Zoe${tag} Martin`, `Zoé${tag} Lefèvre`]);
    expect(await names(correspondent, `ZOÉ${tag}`)).toEqual([`Zoe${tag} Martin`, `Zoé${tag} Lefèvre`]);
    expect(await names(correspondent, "lefevre")).toContain(`Zoé${tag} Lefèvre`);
  });

  it("covers the home university's name and Erasmus code, accents ignored", async () => {
    expect(await names(correspondent, `universita di bologna ${tag}`)).toEqual([`Zoé${tag} Lefèvre`]);
    expect(await names(correspondent, `i bologna${tag}`)).toEqual([`Zoé${tag} Lefèvre`]);
  });

  it("follows a renamed partner", async () => {
    await db.partnerInstitution.update({ where: { id: partner.id }, data: { name: `Alma Mater Studiorum ${tag}` } });
    expect(await names(correspondent, `alma mater studiorum ${tag}`)).toEqual([`Zoé${tag} Lefèvre`]);
    expect(await names(correspondent, `universita di bologna ${tag}`)).toEqual([]);
  });

  it("finds Chinese, Cyrillic (in any case) and Arabic names", async () => {
    expect(await names(correspondent, `王芳${tag}`)).toEqual([`王芳${tag} 李`]);
    expect(await names(correspondent, `фёдор${tag}`)).toEqual([`Фёдор${tag} Достоевский`]);
    expect(await names(correspondent, `محمد${tag}`)).toEqual([`محمد${tag} علي`]);
  });

  it("stays inside the viewer's scope", async () => {
    expect(await names(outsider, `zoe${tag}`)).toEqual([`Zoë${tag} Hidden`]);
  });
});
