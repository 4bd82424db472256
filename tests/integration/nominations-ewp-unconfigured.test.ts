/**
 * R-ELI-2: with EWP validation not configured (no EWP_SPECS_DIR), an EWP nominations file is
 * refused as such and nothing is read further or written: never a silent skip of validation.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { confirmEwpNominations, previewEwpNominations } from "@/lib/nominations/service";
import { createViewer } from "./fixtures";

// The operator's setting, as lib/iias/specs-dir.ts reads it when EWP_SPECS_DIR is unset.
vi.mock("@/lib/iias/specs-dir", () => ({ ewpSpecsDir: () => null }));

describe("an EWP nominations file without EWP validation configured", () => {
  it("is refused as not configured, and nothing is written", async () => {
    const admin = await createViewer("ADMIN");
    const before = await db.nomination.count();
    const file = new TextEncoder().encode("<omobilities-get-response/>");
    expect(await previewEwpNominations(file)).toEqual({ ok: false, problem: "ewpNotConfigured" });
    await expect(confirmEwpNominations(file, { id: admin.id })).rejects.toMatchObject({
      code: "nominationImportInvalid",
    });
    expect(await db.nomination.count()).toBe(before);
  });
});
