import { describe, expect, it } from "vitest";
import { bindFields } from "@/components/ui/form-binding";

const refused = {
  ok: false as const,
  message: "Check the form",
  fieldErrors: { email: "Enter an e-mail address" },
  values: { email: "not-an-email", name: "" },
};

describe("form fields bound to the last answer of their action", () => {
  it.each([
    ["saved text, no refusal", null, "name", "Ada", "Ada"],
    ["saved number, no refusal", null, "seats", 3, "3"],
    ["nothing saved (null), no refusal", null, "name", null, ""],
    ["nothing saved (undefined), no refusal", null, "name", undefined, ""],
    ["after a refusal: what was typed, not what is saved", refused, "email", "old@example.org", "not-an-email"],
    ["after a refusal: a field emptied stays empty", refused, "name", "Ada", ""],
    ["after a refusal: a field not sent shows empty", refused, "phone", "0102", ""],
  ] as const)("%s", (_label, failed, name, saved, shown) => {
    expect(bindFields(failed).value(name, saved)).toBe(shown);
  });

  it.each([
    [null, "email", undefined],
    [refused, "email", "Enter an e-mail address"],
    [refused, "name", undefined],
  ] as const)("error of %#", (failed, name, message) => {
    expect(bindFields(failed).error(name)).toBe(message);
  });
});
