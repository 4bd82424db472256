/**
 * The imports of the source tree, read from the files' text, and the walls they must respect
 * (conventions: data flows one way, page → action → service → rules/db; a feature reaches
 * another only through its named door). Pure functions over a map of files, so the checks can
 * be proved on planted violations as well as run on the real tree.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Repository-relative path (with extension) → file text. */
export type SourceFiles = Map<string, string>;

export interface Import {
  from: string;
  /** Repository-relative module id, without extension ("lib/housing/requests"). */
  to: string;
  /** `import type …`: erased at build time, so it carries no code. */
  typeOnly: boolean;
}

/** Modules a feature may call in another feature's folder although they write: its doors. */
export const doors = ["lib/housing/requests", "lib/privacy/erasure"];

/**
 * Folders and files of lib/ that every feature builds on (the request chain, sessions and
 * scopes, i18n, mail, …): they are not features, and may be imported by all.
 */
export const foundations = ["actions", "auth", "i18n", "mail", "generated", "security"];

const sourceExtension = /\.(ts|tsx)$/;
const importPattern =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function readSourceFiles(root: string, folders = ["app", "components", "lib"]): SourceFiles {
  const files: SourceFiles = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir))) {
      const relative = path.join(dir, entry);
      if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
      if (statSync(path.join(root, relative)).isDirectory()) walk(relative);
      else if (sourceExtension.test(entry)) files.set(relative, readFileSync(path.join(root, relative), "utf8"));
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** The project-internal imports of every file ("@/…" and relative specifiers). */
export function importsOf(files: SourceFiles): Import[] {
  const imports: Import[] = [];
  for (const [file, source] of files) {
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[3] ?? match[4]!;
      const to = resolve(file, specifier);
      if (to) imports.push({ from: file, to, typeOnly: match[2] !== undefined });
    }
  }
  return imports;
}

function resolve(file: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith("."))
    target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  else return null;
  return target.replace(sourceExtension, "");
}

/** The top-level unit of lib/ a module belongs to: its folder, or the file for lib/x.ts. */
export function unitOf(moduleId: string): string | null {
  const parts = moduleId.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1]!.replace(sourceExtension, "") : parts[1]!;
}

function isFeature(unit: string): boolean {
  return !foundations.includes(unit) && !unit.includes(".");
}

const isActionsFile = (moduleId: string) => /(^|\/)actions(\.tsx?)?$/.test(moduleId);

/** Pages and components never reach the database client: they read through lib/ queries. */
export function databaseImportsFromUi(imports: Import[]): string[] {
  return imports
    .filter((edge) => /^(app|components)\//.test(edge.from))
    .filter((edge) => !edge.typeOnly && (edge.to === "lib/db" || edge.to.startsWith("lib/generated/prisma/client")))
    .map((edge) => `${edge.from} imports ${edge.to}`);
}

/**
 * Pages and components read through queries.ts: they never import a service (which writes). Route
 * handlers are the exception: like actions, they are the entry points that call services.
 */
export function servicesImportedByUi(imports: Import[]): string[] {
  return imports
    .filter((edge) => /^(app|components)\//.test(edge.from) && !edge.from.startsWith("app/api/"))
    .filter((edge) => !edge.typeOnly && /^lib\/.*(^|\/)service$/.test(edge.to))
    .map((edge) => `${edge.from} imports ${edge.to}`);
}

/** lib/ is below the UI: it never imports app/ or components/. */
export function uiImportsFromLib(imports: Import[]): string[] {
  return imports
    .filter((edge) => edge.from.startsWith("lib/") && /^(app|components)\//.test(edge.to))
    .map((edge) => `${edge.from} imports ${edge.to}`);
}

/** A feature writes through another feature only by its door, never by its service.ts. */
export function servicesReachedAcrossFeatures(imports: Import[]): string[] {
  return imports
    .filter((edge) => {
      const from = unitOf(edge.from);
      const to = unitOf(edge.to);
      if (!from || !to || from === to || !isFeature(to)) return false;
      return /(^|\/)service$/.test(edge.to) && !doors.includes(edge.to);
    })
    .map((edge) => `${edge.from} imports ${edge.to}`);
}

/** Nothing in lib/ imports an actions.ts: actions are the outer layer, called by pages and forms. */
export function actionsImportedInLib(imports: Import[]): string[] {
  return imports
    .filter((edge) => edge.from.startsWith("lib/") && isActionsFile(edge.to) && !edge.typeOnly)
    .map((edge) => `${edge.from} imports ${edge.to}`);
}

/**
 * Loops between the units of lib/ (each a folder, or a file at its root). Edges that start in an
 * actions.ts are left out: actions are the outer layer (checked by actionsImportedInLib), so
 * auth's sign-in actions building on the action chain, which reads the session, is no loop.
 * Returns each loop once, as the units it passes through.
 */
export function loopsBetweenUnits(imports: Import[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const edge of imports) {
    const from = unitOf(edge.from);
    const to = unitOf(edge.to);
    if (!from || !to || from === to || isActionsFile(edge.from) || to === "generated") continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return stronglyConnected(graph).filter((component) => component.length > 1);
}

/** Tarjan's algorithm: the strongly connected components of a directed graph. */
function stronglyConnected(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return components;
}
