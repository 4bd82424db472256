import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { logWarn } from "@/lib/log";

/**
 * The operator's copy of the EWP specifications, or null: EWP validation is not configured
 * (unset, or a folder without the IIAs v7 schema), and imports are refused as such.
 */
export function ewpSpecsDir(): string | null {
  const dir = env().EWP_SPECS_DIR;
  if (!dir) return null;
  if (!existsSync(path.join(dir, "iias-v7", "endpoints", "get-response.xsd"))) {
    logWarn("ewp.specsMissing", { dir });
    return null;
  }
  return dir;
}
