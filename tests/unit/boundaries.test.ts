/**
 * The walls of the house (conventions: "Data flows one way"; "a feature calls another feature
 * only through one named door"). Each check runs on the real tree, and on a planted violation
 * to prove it would catch one.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  actionsImportedInLib,
  databaseImportsFromUi,
  importsOf,
  loopsBetweenUnits,
  readSourceFiles,
  servicesImportedByUi,
  servicesReachedAcrossFeatures,
  uiImportsFromLib,
} from "../support/import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const tree = importsOf(readSourceFiles(root));

const planted = (files: Record<string, string>) => importsOf(new Map(Object.entries(files)));

describe("the walls of the source tree", () => {
  it("finds the imports it checks (a reader that saw nothing would pass everything)", () => {
    expect(tree.length).toBeGreaterThan(500);
    expect(tree).toContainEqual({ from: "lib/applications/service.ts", to: "lib/housing/requests", typeOnly: false });
  });

  it("nothing under app/ or components/ imports the database client", () => {
    expect(databaseImportsFromUi(tree)).toEqual([]);
  });

  it("pages and components read through queries.ts, never a service", () => {
    expect(servicesImportedByUi(tree)).toEqual([]);
  });

  it("lib/ never imports app/ or components/", () => {
    expect(uiImportsFromLib(tree)).toEqual([]);
  });

  it("no feature imports another feature's service.ts except through its door", () => {
    expect(servicesReachedAcrossFeatures(tree)).toEqual([]);
  });

  it("nothing in lib/ imports a server-actions file", () => {
    expect(actionsImportedInLib(tree)).toEqual([]);
  });

  it("the folders of lib/ import each other without a loop", () => {
    expect(loopsBetweenUnits(tree)).toEqual([]);
  });
});

describe("each wall catches a planted violation", () => {
  it.each([
    ["a page importing the client", { "app/[locale]/page.tsx": 'import { db } from "@/lib/db";' }],
    [
      "a component importing the generated client",
      { "components/x.tsx": 'import { Prisma } from "@/lib/generated/prisma/client";' },
    ],
  ])("%s", (_name, files) => {
    expect(databaseImportsFromUi(planted(files))).toHaveLength(1);
  });

  it("allows a page's type-only import of the generated client (erased at build time)", () => {
    const files = { "app/page.tsx": 'import type { Prisma } from "@/lib/generated/prisma/client";' };
    expect(databaseImportsFromUi(planted(files))).toEqual([]);
  });

  it("a page reading through a service, but not a route handler calling one", () => {
    const files = {
      "app/[locale]/(review)/review/housing/page.tsx": 'import { listRounds } from "@/lib/housing/release/service";',
      "app/api/documents/route.ts": 'import { uploadDocument } from "@/lib/documents/service";',
    };
    expect(servicesImportedByUi(planted(files))).toEqual([
      "app/[locale]/(review)/review/housing/page.tsx imports lib/housing/release/service",
    ]);
  });

  it("lib importing a component", () => {
    const files = { "lib/housing/rules.ts": 'import { X } from "../../components/housing/board/suggestion";' };
    expect(uiImportsFromLib(planted(files))).toEqual([
      "lib/housing/rules.ts imports components/housing/board/suggestion",
    ]);
  });

  it("a feature calling another feature's service, and not its door", () => {
    const files = {
      "lib/applications/service.ts":
        'import { decideHousingRequest } from "@/lib/housing/board/service";\nimport { syncHousingRequest } from "@/lib/housing/requests";',
    };
    expect(servicesReachedAcrossFeatures(planted(files))).toEqual([
      "lib/applications/service.ts imports lib/housing/board/service",
    ]);
  });

  it("a service importing an actions file", () => {
    const files = { "lib/housing/board/service.ts": 'import { decideHousingAction } from "./actions";' };
    expect(actionsImportedInLib(planted(files))).toEqual([
      "lib/housing/board/service.ts imports lib/housing/board/actions",
    ]);
  });

  it("a loop through three features, multi-line and dynamic imports included", () => {
    const files = {
      "lib/applications/service.ts": 'import {\n  syncHousingRequest,\n} from "@/lib/housing/requests";',
      "lib/housing/insurance/queries.ts": 'const m = await import("@/lib/documents/summary");',
      "lib/documents/rules.ts": 'import type { X } from "@/lib/applications/rules";',
    };
    expect(loopsBetweenUnits(planted(files))).toEqual([["applications", "documents", "housing"]]);
  });
});
