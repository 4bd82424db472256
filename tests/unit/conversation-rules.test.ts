import { describe, expect, it } from "vitest";
import { hasControlCharacters, isThreadOpen, isUnread, mailIncludesText, sideOf } from "@/lib/conversation/rules";
import { ZStaffMessage, ZStudentMessage } from "@/lib/conversation/schemas";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe("R-MSG-2: the thread opens at submission and never closes", () => {
  it.each([
    ["DRAFT", false],
    ["SUBMITTED", true],
    ["UNDER_REVIEW", true],
    ["CHANGES_REQUESTED", true],
    ["ACCEPTED", true],
    ["REJECTED", true],
    ["WITHDRAWN", true],
  ] as const)("%s → %s", (status, open) => {
    expect(isThreadOpen(status)).toBe(open);
  });

  it.each([
    ["STUDENT", "STUDENT"],
    ["CORRESPONDENT", "STAFF"],
    ["ADMIN", "STAFF"],
  ] as const)("a %s writes on the %s side", (role, side) => {
    expect(sideOf(role)).toBe(side);
  });
});

describe("R-MSG-3: plain text without control characters", () => {
  it.each([
    ["line breaks and tabs", "a\nb\r\n\tc", false],
    ["accents and scripts", "Zoé — 张伟 — Иван — محمد", false],
    ["a bell", "a\u0007b", true],
    ["an escape", "\u001b[2J", true],
    ["a NUL", "a\u0000", true],
    ["DEL", "a\u007f", true],
    ["a C1 control", "a\u0085", true],
  ])("%s → %s", (_case, text, refused) => {
    expect(hasControlCharacters(text)).toBe(refused);
  });

  it.each([
    ["empty", "", "required"],
    ["blank", " \n ", "required"],
    ["4,001 characters", "x".repeat(4001), "messageTooLong"],
    ["a control character", "ok\u0001", "controlCharacters"],
  ])("%s is refused with %s", (_case, body, code) => {
    const result = ZStudentMessage.safeParse({ body });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(code);
  });

  it("keeps exactly 4,000 characters, trimmed", () => {
    expect(ZStudentMessage.parse({ body: `  ${"x".repeat(4000)}  ` }).body).toHaveLength(4000);
  });

  it("refuses unknown keys: a student names no dossier", () => {
    expect(ZStudentMessage.safeParse({ body: "hi", applicationId: crypto.randomUUID() }).success).toBe(false);
    expect(ZStaffMessage.safeParse({ body: "hi", applicationId: "not-an-id" }).success).toBe(false);
  });
});

describe("R-MSG-5: unread is the other side's, after the last reading", () => {
  it.each([
    ["the other side, never read", { side: "STUDENT", createdAt: at(5) }, { side: "STAFF", readAt: null }, true],
    ["the other side, after reading", { side: "STUDENT", createdAt: at(5) }, { side: "STAFF", readAt: at(4) }, true],
    ["the other side, before reading", { side: "STUDENT", createdAt: at(5) }, { side: "STAFF", readAt: at(5) }, false],
    ["one's own side", { side: "STAFF", createdAt: at(5) }, { side: "STAFF", readAt: null }, false],
  ] as const)("%s", (_case, message, reader, unread) => {
    expect(isUnread(message, reader)).toBe(unread);
  });
});

describe("R-MSG-4: the mail carries the text unless the setting says no", () => {
  it.each([
    [null, true],
    ["yes", true],
    ["no", false],
  ])("%s → %s", (setting, included) => {
    expect(mailIncludesText(setting)).toBe(included);
  });
});
