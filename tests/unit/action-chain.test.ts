import { redirect } from "next/navigation";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { buildChains } from "@/lib/actions/build-chain";
import { DomainError } from "@/lib/errors";
import enErrors from "@/messages/en/errors.json";
import frErrors from "@/messages/fr/errors.json";

const en = { errors: enErrors };
const fr = { errors: frErrors };

type Viewer = { id: string; role: "STUDENT" | "CORRESPONDENT" | "ADMIN" };

function chainsFor(viewer: Viewer | null, messages: typeof en = en) {
  const logError = vi.fn();
  const chains = buildChains<Viewer>({
    getViewer: async () => viewer,
    getErrorTranslator: async () => createTranslator({ locale: "en", messages, namespace: "errors" }) as never,
    logError,
  });
  return { ...chains, logError };
}

const ZSave = z.strictObject({
  title: z.string().trim().min(1, "required").max(5, "tooLong"),
  password: z.string().optional(),
});

describe("the action chain", () => {
  it("runs the body with the parsed input and the viewer", async () => {
    const { roleChain } = chainsFor({ id: "u1", role: "STUDENT" });
    const body = vi.fn(async ({ input, ctx }) => `${ctx.viewer.id}:${input.title}`);
    const action = roleChain(["STUDENT"]).input(ZSave).action(body);
    expect(await action({ title: " ok " })).toEqual({ ok: true, data: "u1:ok" });
  });

  it.each([
    ["anonymous", null, "Your session has ended. Please sign in again."],
    ["another role", { id: "u2", role: "CORRESPONDENT" } as Viewer, "You are not allowed to do this."],
  ])("refuses %s before looking at the input, and never runs the body", async (_label, viewer, message) => {
    const { roleChain } = chainsFor(viewer);
    const body = vi.fn();
    const action = roleChain(["STUDENT"]).input(ZSave).action(body);
    expect(await action({ unexpected: true })).toMatchObject({ ok: false, message, fieldErrors: {} });
    expect(body).not.toHaveBeenCalled();
  });

  it("answers validation errors per field, translated, and keeps what was typed except secrets", async () => {
    const { publicAction } = chainsFor(null, fr as typeof en);
    const body = vi.fn();
    const action = publicAction.input(ZSave).action(body);
    const form = new FormData();
    form.set("title", "far too long");
    form.set("password", "secret value");
    form.set("$ACTION_ID_abc", "");
    const result = await action(null, form);
    expect(result).toEqual({
      ok: false,
      message: "Certains champs demandent votre attention.",
      fieldErrors: { title: "Cette valeur est trop longue." },
      values: { title: "far too long" },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it.each([
    ["an unknown key", { title: "ok", role: "ADMIN" }, "_form"],
    ["a wrong type", { title: 42 }, "title"],
    ["no object at all", "title=ok", "_form"],
  ])("refuses %s with a generic field message", async (_label, input, field) => {
    const { publicAction } = chainsFor(null);
    const result = await publicAction.input(ZSave).action(vi.fn())(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty(field === "_form" ? "_form" : field);
  });

  it("shows a DomainError translated, on its field", async () => {
    const { publicAction } = chainsFor(null);
    const action = publicAction.input(ZSave).action(async () => {
      throw new DomainError("emailTaken", {}, "email");
    });
    const message = "An account already exists with this e-mail address. Sign in instead.";
    expect(await action({ title: "ok" })).toMatchObject({ ok: false, message, fieldErrors: { email: message } });
  });

  it("logs any other error with a request id and answers generically, without its details", async () => {
    const { publicAction, logError } = chainsFor(null);
    const action = publicAction.input(ZSave).action(async () => {
      throw new Error("connection string postgresql://secret@db leaked");
    });
    const result = await action({ title: "ok" });
    if (result.ok) throw new Error("expected a failure");
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.message).toContain(result.requestId);
    expect(result.message).not.toContain("secret");
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ requestId: result.requestId }));
  });

  it("lets redirect() through: navigation is not a failure", async () => {
    const { publicAction } = chainsFor(null);
    const action = publicAction.input(ZSave).action(async () => redirect("/en/dossier"));
    await expect(action({ title: "ok" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
