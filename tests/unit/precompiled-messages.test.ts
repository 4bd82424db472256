/**
 * Issue 20: in the Next build the browsers get use-intl's format-only formatter (next.config.ts)
 * and the messages precompiled on the server (lib/i18n/messages.ts). Here the same formatter
 * runs the whole catalogue, in both languages: every message compiles, the compiled form is
 * made of plain objects (React refuses others between server and client components), and
 * plurals, selects and tags come out as the full formatter writes them.
 */
import formatOnly from "use-intl/format-message/format-only";
import { describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";

vi.mock("use-intl/format-message", async () => import("use-intl/format-message/format-only"));

function nonPlainObjects(node: unknown, at = ""): string[] {
  if (!node || typeof node !== "object") return [];
  const own = !Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype ? [at] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => nonPlainObjects(value, `${at}.${key}`))];
}

describe.each(["en", "fr"] as const)("the precompiled catalogue (%s)", (locale) => {
  it("is compiled (not strings) and made of plain objects only", async () => {
    const messages = (await loadMessages(locale)) as unknown as Record<string, Record<string, unknown>>;
    expect(typeof messages.admin?.outboxCount).not.toBe("string");
    expect(nonPlainObjects(messages)).toEqual([]);
  });
});

describe("messages formatted by the format-only formatter", () => {
  // The formatter of the pages, called as use-intl calls it, with the Intl objects it asks for.
  const options = {
    locale: "en",
    timeZone: "Europe/Paris",
    formatters: {
      getNumberFormat: (locale: string, format?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, format),
      getPluralRules: (locale: string, format?: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, format),
      getDateTimeFormat: (locale: string, format?: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(locale, format),
    },
  } as unknown as Parameters<typeof formatOnly>[3];

  it("plural with an exact case, select, and tags read as the full formatter writes them", async () => {
    const messages = (await loadMessages("en")) as unknown as Record<string, Record<string, unknown>>;
    const format = (message: unknown, values: Record<string, unknown>) =>
      formatOnly("key", message as never, values as never, options);
    const outbox = messages.admin?.outboxCount;
    expect(format(outbox, { count: 0 })).toBe("No e-mail shown (the 100 newest at most).");
    expect(format(outbox, { count: 1 })).toBe("1 e-mail shown (the 100 newest at most).");
    expect(format(outbox, { count: 1200 })).toBe("1,200 e-mails shown (the 100 newest at most).");
    const tooLarge = (messages.errors?.ewp as Record<string, unknown> | undefined)?.tooLarge;
    expect(format(tooLarge, { side: "theirs" })).toBe("The partner's file is too large for an IIAs response.");
    expect(format(tooLarge, { side: "x" })).toBe("The file is too large for an IIAs response.");
    const contact = format(messages.catalogue?.contact, {
      name: "X",
      email: "a@b.fr",
      mail: (chunks: string[]) => `[${chunks.join("")}]`,
    });
    expect(contact).toContain("office: [a@b.fr].");
  });
});
