import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Where the official EWP specification files are for the tests: EWP_SPECS_DIR, or
 * ../shared/ewp next to the project (as in CI). They are never copied into the repository;
 * on a machine without them the tests that need them are skipped, saying why.
 */
const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export const ewpSpecsDir = process.env.EWP_SPECS_DIR || path.resolve(projectRoot, "..", "shared", "ewp");

export const ewpSpecsAvailable = existsSync(path.join(ewpSpecsDir, "iias-v7", "endpoints", "get-response.xsd"));

if (!ewpSpecsAvailable) {
  console.warn(
    `EWP specification files not found in ${ewpSpecsDir}: set EWP_SPECS_DIR; the tests that need them are skipped.`,
  );
}
