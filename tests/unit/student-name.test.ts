/** Issue 21: an erased person's dossier reads as such wherever staff see a name. */
import { describe, expect, it } from "vitest";
import { dossierReference, isAnonymised, studentFullName, studentListName } from "@/lib/student-name";

const id = "3f2a9c1b-0000-4000-8000-000000000001";
const anonymised = (reference: string) => `Anonymised student (ref. ${reference})`;

describe("the names staff read", () => {
  it.each([
    ["a student", { firstName: "Zoé", lastName: "Lefèvre" }, "LEFÈVRE Zoé", "Zoé Lefèvre", false],
    ["a name with particles", { firstName: "Ana", lastName: "de la Cruz" }, "DE LA CRUZ Ana", "Ana de la Cruz", false],
    ["a name in Chinese", { firstName: "伟", lastName: "王" }, "王 伟", "伟 王", false],
    [
      "an erased person",
      { firstName: null, lastName: null },
      "Anonymised student (ref. 3F2A9C1B)",
      "Anonymised student (ref. 3F2A9C1B)",
      true,
    ],
    [
      "an erased person (empty strings)",
      { firstName: "", lastName: "" },
      "Anonymised student (ref. 3F2A9C1B)",
      "Anonymised student (ref. 3F2A9C1B)",
      true,
    ],
  ])("%s", (_case, names, listName, fullName, erased) => {
    const dossier = { id, ...names };
    expect(studentListName(dossier, anonymised)).toBe(listName);
    expect(studentFullName(dossier, anonymised)).toBe(fullName);
    expect(isAnonymised(dossier)).toBe(erased);
  });

  it("refers to a dossier by the start of its id, in capitals", () => {
    expect(dossierReference(id)).toBe("3F2A9C1B");
  });
});
