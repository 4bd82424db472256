import { describe, expect, it } from "vitest";
import { browserLabel } from "@/lib/account-sessions/rules";
import { legalPageDefaults } from "@/lib/legal/defaults";
import { legalPageNames, parseLegalText } from "@/lib/legal/rules";

describe("R-SEC-8: a session's browser, as its owner recognises it", () => {
  it.each([
    [
      "Firefox on Linux",
      "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
      { browser: "Firefox", system: "Linux" },
    ],
    [
      "Chrome on Windows",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      { browser: "Chrome", system: "Windows" },
    ],
    [
      "Edge, which also says Chrome",
      "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0",
      { browser: "Edge", system: "Windows" },
    ],
    [
      "Safari on iOS",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1",
      { browser: "Safari", system: "iOS" },
    ],
    [
      "Chrome on Android",
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
      { browser: "Chrome", system: "Android" },
    ],
    ["a script", "curl/8.5.0", { browser: null, system: null }],
    ["nothing", null, { browser: null, system: null }],
  ])("%s", (_case, userAgent, expected) => {
    expect(browserLabel(userAgent)).toEqual(expected);
  });
});

describe("R-SEC-9: the legal pages' plain-text format", () => {
  it("reads headings, paragraphs (lines kept) and lists", () => {
    expect(parseLegalText("## Who\nAMU\nMarseille\n\n- one\n- two\nafter")).toEqual([
      { kind: "heading", text: "Who" },
      { kind: "paragraph", lines: ["AMU", "Marseille"] },
      { kind: "list", items: ["one", "two"] },
      { kind: "paragraph", lines: ["after"] },
    ]);
  });

  it("keeps markup as text: a tag is a paragraph's words, not an element", () => {
    expect(parseLegalText("<script>alert(1)</script>")).toEqual([
      { kind: "paragraph", lines: ["<script>alert(1)</script>"] },
    ]);
  });

  it("ships every page in both languages, marked as to be completed, with what the law asks", () => {
    for (const page of legalPageNames) {
      expect(legalPageDefaults[page].fr.body).toMatch(/À compléter/i);
      expect(legalPageDefaults[page].en.body).toMatch(/To be completed/i);
    }
    // GDPR art. 13 and the RGAA statement's required parts.
    for (const part of [
      "Controller",
      "Purposes",
      "Legal basis",
      "Retention",
      "Your rights",
      "Data protection officer",
    ]) {
      expect(legalPageDefaults.privacy.en.body).toContain(part);
    }
    for (const part of ["Conformity status", "not accessible", "contact", "Recourse"]) {
      expect(legalPageDefaults.accessibility.en.body).toContain(part);
    }
  });
});
