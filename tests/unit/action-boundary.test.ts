/**
 * Every export of a "use server" file is a public POST endpoint. This test fails on any such
 * export that is not built on the chain of lib/actions/chain.ts (public → signed in → role),
 * where the guard and the zod schema run before the body.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// Every action names its row of the permission table (lib/auth/permissions.ts).
const allowedExport = /^export const (\w+Action) = actionFor\("[\w.]+"\)\s*\.input\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) ? [full] : [];
  });
}

function isServerActionFile(source: string): boolean {
  const firstStatement = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(firstStatement);
}

/** The exports of a "use server" file that are not `export const xAction = <chain>.input(…`. */
function unsafeExports(source: string): string[] {
  // A statement continues on indented lines (the formatter wraps long chains): join them first.
  const statements = source
    .replace(/\n[ \t]+/g, " ")
    .split("\n")
    .filter((line) => /^export\b/.test(line));
  return statements.filter((line) => !allowedExport.test(line));
}

describe("server-action boundary", () => {
  const files = ["app", "lib", "components"].flatMap((dir) => sourceFiles(path.join(root, dir)));
  const actionFiles = files.filter((file) => isServerActionFile(readFileSync(file, "utf8")));

  it("finds the action files (the scan itself works)", () => {
    expect(actionFiles.map((file) => path.relative(root, file))).toContain("lib/auth/actions.ts");
  });

  it.each(actionFiles.map((file) => [path.relative(root, file)]))("%s exports only chain-built actions", (file) => {
    expect(unsafeExports(readFileSync(path.join(root, file), "utf8"))).toEqual([]);
  });

  it.each([
    ["a raw async function", "export async function deleteEverything() {}"],
    ["a raw arrow function", "export const deleteAction = async () => {};"],
    ["an export list", "export { deleteAction };"],
    ["a default export", "export default async function handler() {}"],
    [
      "a chain with no schema",
      'export const deleteAction = actionFor("partners.deletePartner").action(async () => {});',
    ],
    [
      "a name without the Action suffix",
      'export const remove = actionFor("partners.deletePartner").input(Z).action(async () => {});',
    ],
    ["an unknown chain", "export const deleteAction = myOwnChain.input(Z).action(async () => {});"],
    [
      "a chain outside the permission table",
      "export const deleteAction = adminAction.input(Z).action(async () => {});",
    ],
  ])("would flag %s", (_label, line) => {
    expect(unsafeExports(`"use server";\n${line}\n`)).toEqual([line]);
  });

  it("accepts an action built on the chain", () => {
    expect(
      unsafeExports(
        `"use server";\nexport const saveAction = actionFor("applications.saveIdentity").input(ZSave).action(async () => {});\n`,
      ),
    ).toEqual([]);
  });
});
