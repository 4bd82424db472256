/**
 * First-load JavaScript of a route, gzip, from the build's manifests: the framework files
 * every page loads (build-manifest.json rootMainFiles) and the files of the route's layouts
 * and page (its client reference manifest's entryJSFiles). Polyfills are left out, as Next
 * does: they are loaded with `nomodule`, by old browsers only. Compressed at level 9.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../../prisma/postgres.ts";

const buildDir = path.join(projectRoot, ".next");

/**
 * The pages issue 20 holds to a first-load budget (150 KB gzip), by label and app-router
 * entry: reported by the benchmark, enforced after each build by tests/e2e/first-load-js.spec.ts.
 */
export const budgetedPages = [
  ["form (/apply/[step])", "/[locale]/(student)/apply/[step]/page"],
  ["dossier (/dossier)", "/[locale]/(student)/dossier/(overview)/page"],
  ["queue (/review)", "/[locale]/(review)/review/(queue)/page"],
] as const;

export const firstLoadBudgetKb = 150;

/** `page` is the app-router entry, e.g. "/[locale]/(review)/review/page". */
export function firstLoadJs(page: string): { kb: number; files: { file: string; kb: number }[] } {
  const build = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const manifestFile = path.join(buildDir, "server", "app", `${page}_client-reference-manifest.js`);
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifest = (sandbox.self.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>)[page];
  if (!manifest) throw new Error(`No client reference manifest for ${page}`);
  const entries = Object.entries(manifest.entryJSFiles).filter(
    ([entry]) => entry.endsWith("/layout") || entry === `[project]/app${page}`,
  );
  const sources = new Set([...build.rootMainFiles, ...entries.flatMap(([, files]) => files)]);
  const files = [...sources].map((file) => ({
    file,
    kb: gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length / 1024,
  }));
  files.sort((a, b) => b.kb - a.kb);
  return { kb: files.reduce((sum, entry) => sum + entry.kb, 0), files };
}
