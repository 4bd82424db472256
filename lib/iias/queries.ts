import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { type ImportPlan, planIiaImport } from "@/lib/iias/plan";
import { ewpSpecsDir } from "@/lib/iias/specs-dir";

/** The preview of an IIAs import: nothing is written (admins only). */
export async function previewIiaImport(viewer: AdminViewer, bytes: Uint8Array): Promise<ImportPlan> {
  assertAdminViewer(viewer);
  return planIiaImport(db, bytes, ewpSpecsDir(), env().EWP_HEI_ID);
}
