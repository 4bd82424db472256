/**
 * Issue 20: pages no longer receive the whole message catalogue. Each route's layout passes,
 * through <ClientMessages namespaces={[…]}>, the namespaces its client components use; this
 * walks the import graph from every page to its "use client" files, collects their
 * useTranslations namespaces and fails, naming the page, the namespace and the layout to
 * change, when a provider lacks one. Proved on planted files too.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  clientNamespacesOf,
  describeMissing,
  missingNamespaces,
  namespacesUsedIn,
  providedNamespaces,
  unusedNamespaces,
} from "../support/client-namespaces";
import { readSourceFiles } from "../support/import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const tree = readSourceFiles(root);
const planted = (files: Record<string, string>) => new Map(Object.entries(files));

const clientForm =
  '"use client";\nimport { useTranslations } from "next-intl";\nconst t = useTranslations("apply.submit");';
const provider = (namespaces: string) =>
  `import { ClientMessages } from "@/components/layout/client-messages";\nexport default function Layout({ children }) { return <ClientMessages namespaces={[${namespaces}]}>{children}</ClientMessages>; }`;

describe("message namespaces sent to the browser", () => {
  it("finds client namespaces in the real tree (a reader that saw nothing would pass everything)", () => {
    const used = clientNamespacesOf(tree, "app/[locale]/(student)/apply/[step]/page.tsx").map((use) => use.namespace);
    expect(used).toContain("apply");
  });

  it("every page's provider passes the namespaces its client components use", () => {
    const problems = missingNamespaces(tree);
    expect(problems, describeMissing(problems)).toEqual([]);
  });

  it("no provider passes a namespace none of its pages' client components uses", () => {
    expect(unusedNamespaces(tree)).toEqual([]);
  });

  it("the root layout passes no namespace: the whole catalogue is never sent", () => {
    expect(providedNamespaces(tree.get("app/[locale]/layout.tsx") ?? "")).toEqual([]);
  });
});

describe("the check catches planted mistakes", () => {
  it("names the page, the namespace, the client file and the layout to change", () => {
    const files = planted({
      "app/[locale]/layout.tsx": provider(""),
      "app/[locale]/(student)/apply/layout.tsx": provider('"dossier"'),
      "app/[locale]/(student)/apply/page.tsx": 'import { SubmitForm } from "@/components/submit-form";',
      "components/submit-form.tsx": clientForm,
    });
    const problems = missingNamespaces(files);
    expect(problems).toHaveLength(1);
    expect(describeMissing(problems)).toBe(
      'app/[locale]/(student)/apply/page.tsx needs "apply" (useTranslations in components/submit-form.tsx): ' +
        "add it to <ClientMessages namespaces={[…]}> in app/[locale]/(student)/apply/layout.tsx " +
        "(components/layout/client-messages.tsx).",
    );
  });

  it("follows server components to the client components they render", () => {
    const files = planted({
      "app/[locale]/layout.tsx": provider(""),
      "app/[locale]/x/page.tsx": 'import { Panel } from "@/components/panel";',
      "components/panel.tsx": 'import { SubmitForm } from "./submit-form";',
      "components/submit-form.tsx": clientForm,
    });
    expect(missingNamespaces(files).map((problem) => problem.route)).toEqual(["app/[locale]/x/page.tsx"]);
  });

  it("counts modules imported by a client file as client code", () => {
    const files = planted({
      "app/[locale]/layout.tsx": provider(""),
      "app/[locale]/x/page.tsx": 'import { A } from "@/components/a";',
      "components/a.tsx": '"use client";\nimport { useLabel } from "./use-label";',
      "components/use-label.ts": 'import { useTranslations } from "next-intl";\nuseTranslations("enums");',
    });
    expect(missingNamespaces(files)[0]?.missing.map((use) => use.namespace)).toEqual(["enums"]);
  });

  it("ignores server components' own useTranslations (they read the server's catalogue)", () => {
    const files = planted({
      "app/[locale]/layout.tsx": provider(""),
      "app/[locale]/x/page.tsx": 'import { useTranslations } from "next-intl";\nuseTranslations("review");',
    });
    expect(missingNamespaces(files)).toEqual([]);
  });

  it("a page with no provider above it is reported", () => {
    const files = planted({
      "app/[locale]/x/page.tsx": 'import { S } from "@/components/submit-form";',
      "components/submit-form.tsx": clientForm,
    });
    expect(describeMissing(missingNamespaces(files))).toContain("no <ClientMessages> serves it");
  });

  it("reads namespaces from useTranslations calls, and the whole catalogue from useMessages", () => {
    expect(namespacesUsedIn('useTranslations("admin.common"); useTranslations("enums")')).toEqual(["admin", "enums"]);
    expect(namespacesUsedIn("useTranslations()")).toEqual(["*"]);
    expect(namespacesUsedIn("useTranslations(namespace)")).toEqual(["*"]);
    expect(namespacesUsedIn("const m = useMessages()")).toEqual(["*"]);
  });

  it("reports namespaces a provider sends for nothing", () => {
    const files = planted({
      "app/[locale]/layout.tsx": provider('"admin"'),
      "app/[locale]/x/page.tsx": "export default function Page() { return null; }",
    });
    expect(unusedNamespaces(files)).toEqual([{ provider: "app/[locale]/layout.tsx", unused: ["admin"] }]);
  });
});
