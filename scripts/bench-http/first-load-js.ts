/**
 * First-load JavaScript of a page, gzip: every script the page's HTML loads from the build
 * (`/_next/static/…`, as listed by the build's manifests for the route), read from .next and
 * compressed at level 9 as a server would.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../../prisma/postgres.ts";

export function firstLoadJsKb(html: string): { kb: number; files: { file: string; kb: number }[] } {
  const sources = new Set<string>();
  for (const match of html.matchAll(/\/_next\/static\/[^"'\s\\]+?\.js/g)) sources.add(match[0]);
  const files = [...sources].map((source) => {
    const file = path.join(projectRoot, ".next", "static", source.slice("/_next/static/".length));
    return { file: source, kb: gzipSync(readFileSync(file), { level: 9 }).length / 1024 };
  });
  files.sort((a, b) => b.kb - a.kb);
  return { kb: files.reduce((sum, entry) => sum + entry.kb, 0), files };
}
