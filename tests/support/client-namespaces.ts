/**
 * Which message namespaces each page's client components use, and which ones the message
 * provider in front of that page passes (issue 20: the root layout no longer ships the whole
 * catalogue; each route's layout passes what its client components need). Pure functions over
 * the source text, so the check can be proved on planted files as well as run on the tree.
 */
import path from "node:path";
import { type Import, importsOf, type SourceFiles } from "./import-graph";

export interface NamespaceUse {
  namespace: string;
  /** The client file that asks for it, for the failure message. */
  file: string;
}

export interface MissingNamespaces {
  route: string;
  provider: string | null;
  missing: NamespaceUse[];
}

const clientDirective = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use client["']/;
// Any argument: a literal names its namespace; none, or a variable, may be any namespace.
const translationsCall = /\buseTranslations\(([^)]*)\)/g;
const wholeCatalogue = /\buseMessages\(\s*\)/;
const providerDeclaration = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/;

/** Top-level namespaces a client file asks for; "*" when it asks for the whole catalogue. */
export function namespacesUsedIn(source: string): string[] {
  const used = new Set<string>();
  for (const match of source.matchAll(translationsCall)) {
    const literal = /^\s*["']([\w.]+)["']\s*$/.exec(match[1] ?? "");
    used.add(literal ? literal[1]!.split(".")[0]! : "*");
  }
  if (wholeCatalogue.test(source)) used.add("*");
  return [...used];
}

/** The namespaces a layout's <ClientMessages namespaces={[…]}> passes, or null without one. */
export function providedNamespaces(source: string): string[] | null {
  const match = providerDeclaration.exec(source);
  if (!match) return null;
  return [...match[1]!.matchAll(/["']([\w]+)["']/g)].map((item) => item[1]!);
}

function fileOf(files: SourceFiles, moduleId: string): string | null {
  for (const candidate of [`${moduleId}.tsx`, `${moduleId}.ts`, `${moduleId}/index.tsx`, `${moduleId}/index.ts`]) {
    if (files.has(candidate)) return candidate;
  }
  return files.has(moduleId) ? moduleId : null;
}

/**
 * Every namespace the client components reachable from `entry` use: the import graph is
 * walked through server modules too (a server component may render a client one); a file is
 * on the client once a "use client" file imports it.
 */
export function clientNamespacesOf(
  files: SourceFiles,
  entry: string,
  imports: Import[] = importsOf(files),
): NamespaceUse[] {
  const byFile = new Map<string, Import[]>();
  for (const edge of imports) if (!edge.typeOnly) byFile.set(edge.from, [...(byFile.get(edge.from) ?? []), edge]);
  const uses = new Map<string, NamespaceUse>();
  const seen = new Set<string>();
  const queue: { file: string; client: boolean }[] = [{ file: entry, client: false }];
  while (queue.length > 0) {
    const { file, client: importedByClient } = queue.shift()!;
    const source = files.get(file) ?? "";
    const client = importedByClient || clientDirective.test(source);
    const key = `${file}:${client}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (client) {
      for (const namespace of namespacesUsedIn(source)) {
        if (!uses.has(namespace)) uses.set(namespace, { namespace, file });
      }
    }
    for (const edge of byFile.get(file) ?? []) {
      const target = fileOf(files, edge.to);
      if (target) queue.push({ file: target, client });
    }
  }
  return [...uses.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}

/** The layout whose <ClientMessages> serves a route file: the nearest one up its folders. */
export function providerOf(files: SourceFiles, routeFile: string): string | null {
  let dir = path.posix.dirname(routeFile);
  while (dir.startsWith("app")) {
    const layout = `${dir}/layout.tsx`;
    if (files.has(layout) && providedNamespaces(files.get(layout)!) !== null) return layout;
    dir = path.posix.dirname(dir);
  }
  return null;
}

const routeFile = /(^|\/)(page|layout|not-found|error|global-error)\.tsx$/;

/** Every page, layout and error page whose client components need a namespace its provider lacks. */
export function missingNamespaces(files: SourceFiles): MissingNamespaces[] {
  const imports = importsOf(files);
  const problems: MissingNamespaces[] = [];
  for (const file of [...files.keys()].filter((name) => name.startsWith("app/") && routeFile.test(name)).sort()) {
    const used = clientNamespacesOf(files, file, imports);
    const provider = providerOf(files, file);
    const provided = provider ? (providedNamespaces(files.get(provider)!) ?? []) : [];
    const missing = used.filter((use) => !provided.includes(use.namespace));
    if (missing.length > 0) problems.push({ route: file, provider, missing });
  }
  return problems;
}

/** Namespaces a provider passes that none of the routes it serves uses (sent for nothing). */
export function unusedNamespaces(files: SourceFiles): { provider: string; unused: string[] }[] {
  const imports = importsOf(files);
  const usedBy = new Map<string, Set<string>>();
  for (const file of [...files.keys()].filter((name) => name.startsWith("app/") && routeFile.test(name))) {
    const provider = providerOf(files, file);
    if (!provider) continue;
    const set = usedBy.get(provider) ?? new Set<string>();
    for (const use of clientNamespacesOf(files, file, imports)) set.add(use.namespace);
    usedBy.set(provider, set);
  }
  return [...usedBy]
    .map(([provider, used]) => ({
      provider,
      unused: (providedNamespaces(files.get(provider)!) ?? []).filter((namespace) => !used.has(namespace)),
    }))
    .filter((entry) => entry.unused.length > 0);
}

export function describeMissing(problems: MissingNamespaces[]): string {
  return problems
    .map(
      ({ route, provider, missing }) =>
        `${route} needs ${missing.map((use) => `"${use.namespace}" (useTranslations in ${use.file})`).join(", ")}: ` +
        (provider
          ? `add ${missing.length > 1 ? "them" : "it"} to <ClientMessages namespaces={[…]}> in ${provider}`
          : `no <ClientMessages> serves it: add one in a layout.tsx above it`) +
        ` (components/layout/client-messages.tsx).`,
    )
    .join("\n");
}
