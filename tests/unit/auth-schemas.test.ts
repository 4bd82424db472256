import { describe, expect, it } from "vitest";
import { ZRegister } from "@/lib/accounts/schemas";
import { ZSignIn } from "@/lib/auth/schemas";

const valid = {
  name: "Ada Lovelace",
  email: "Ada@Example.org",
  password: "correct horse battery",
  passwordConfirmation: "correct horse battery",
};

describe("ZRegister", () => {
  it("accepts a valid registration and normalises the e-mail", () => {
    const parsed = ZRegister.parse(valid);
    expect(parsed.email).toBe("ada@example.org");
    expect(parsed.name).toBe("Ada Lovelace");
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ["missing name", { ...valid, name: "   " }, "name", "required"],
    ["name too long", { ...valid, name: "x".repeat(121) }, "name", "tooLong"],
    ["R-ACC-5: name with a line break", { ...valid, name: "Ada\nVisit http://evil.example" }, "name", "nameOneLine"],
    ["R-ACC-5: name with a paragraph separator", { ...valid, name: "Ada\u2029Lovelace" }, "name", "nameOneLine"],
    [
      "a common password",
      { ...valid, password: "password123456", passwordConfirmation: "password123456" },
      "password",
      "passwordCommon",
    ],
    [
      "a keyboard row",
      { ...valid, password: "azertyuiop1234", passwordConfirmation: "azertyuiop1234" },
      "password",
      "passwordPattern",
    ],
    [
      "the person's own name",
      { ...valid, password: "lovelace.ada", passwordConfirmation: "lovelace.ada" },
      "password",
      "passwordPersonal",
    ],
    ["e-mail without domain", { ...valid, email: "ada@" }, "email", "emailInvalid"],
    ["e-mail of 300 characters", { ...valid, email: `${"a".repeat(290)}@example.org` }, "email", "emailInvalid"],
    [
      "password of 11 characters",
      { ...valid, password: "a".repeat(11), passwordConfirmation: "a".repeat(11) },
      "password",
      "passwordTooShort",
    ],
    [
      "password of 129 characters",
      { ...valid, password: "a".repeat(129), passwordConfirmation: "a".repeat(129) },
      "password",
      "passwordTooLong",
    ],
    [
      "password of 1,000 characters",
      { ...valid, password: "a".repeat(1000), passwordConfirmation: "a".repeat(1000) },
      "password",
      "passwordTooLong",
    ],
    [
      "confirmation differs",
      { ...valid, passwordConfirmation: "correct horse battery!" },
      "passwordConfirmation",
      "passwordMismatch",
    ],
    ["password is a number", { ...valid, password: 123456789012 }, "password", "required"],
  ];
  it.each(cases)("refuses %s", (_label, input, field, message) => {
    const result = ZRegister.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => candidate.path.join(".") === field);
    expect(issue?.message).toBe(message);
  });

  it("refuses unknown keys (a client cannot set its own role)", () => {
    const result = ZRegister.safeParse({ ...valid, role: "ADMIN" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.code).toBe("unrecognized_keys");
  });

  it("counts characters, not bytes: 12 accented or emoji characters are enough", () => {
    const password = "éàüçñø🔑🌍🎻🦊🍋🚲";
    expect(ZRegister.safeParse({ ...valid, password, passwordConfirmation: password }).success).toBe(true);
  });
});

describe("ZSignIn", () => {
  it("accepts an e-mail and any non-empty password, and lower-cases the e-mail", () => {
    expect(ZSignIn.parse({ email: " Student@Example.org ", password: "x" })).toEqual({
      email: "student@example.org",
      password: "x",
    });
  });

  it.each([
    ["empty password", { email: "a@b.org", password: "" }, "password"],
    ["password over 1 KiB", { email: "a@b.org", password: "p".repeat(1025) }, "password"],
    ["not an e-mail", { email: "nobody", password: "x" }, "email"],
    ["unknown key", { email: "a@b.org", password: "x", admin: true }, ""],
  ])("refuses %s", (_label, input, field) => {
    const result = ZSignIn.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
