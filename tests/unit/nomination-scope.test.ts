import { describe, expect, it } from "vitest";
import { nominationScope } from "@/lib/auth/scopes";

/** R-ELI-2: whose nominations a viewer may list (and export). */
describe("nominationScope", () => {
  it.each([
    ["an admin: all", { role: "ADMIN", componentIds: [] }, {}],
    [
      "a correspondent: their components'",
      { role: "CORRESPONDENT", componentIds: ["x", "y"] },
      { componentId: { in: ["x", "y"] } },
    ],
    [
      "a correspondent without a component: none",
      { role: "CORRESPONDENT", componentIds: [] },
      { componentId: { in: [] } },
    ],
    ["a student: none", { role: "STUDENT", componentIds: ["x"] }, { id: { in: [] } }],
    ["a sponsor: none", { role: "SPONSOR", componentIds: [] }, { id: { in: [] } }],
  ] as const)("%s", (_case, viewer, expected) => {
    expect(nominationScope({ role: viewer.role, componentIds: [...viewer.componentIds] })).toEqual(expected);
  });
});
