import { z } from "zod";
import { ZEmail, ZPassword } from "@/lib/auth/schemas";
import { withoutControlCharacters } from "@/lib/security/control-characters";

/**
 * Staff accounts, managed by admins (students register themselves). The password policy is
 * the registration's (lib/auth/schemas.ts). Messages: errors.validation.*.
 */

const id = z.uuid({ error: "required" });

/** The roles an admin gives; a student account is the student's own. */
export const staffRoles = ["CORRESPONDENT", "ADMIN"] as const;
const ZStaffRole = z.enum(staffRoles, { error: "required" });

export const ZCreateStaffAccount = z
  .strictObject({
    name: z.string({ error: "required" }).trim().min(1, "required").max(120, "tooLong"),
    email: ZEmail,
    role: ZStaffRole,
    locale: z.enum(["fr", "en"], { error: "required" }),
    password: ZPassword,
    passwordConfirmation: z.string({ error: "required" }),
  })
  .refine((input) => input.password === input.passwordConfirmation, {
    message: "passwordMismatch",
    path: ["passwordConfirmation"],
  });
export type TCreateStaffAccount = z.output<typeof ZCreateStaffAccount>;

export const ZSetAccountDisabled = z.strictObject({
  userId: id,
  disabled: z
    .union([z.enum(["true", "false"]), z.boolean()], { error: "invalid" })
    .transform((value) => value === true || value === "true"),
});
export type TSetAccountDisabled = z.output<typeof ZSetAccountDisabled>;

export const ZChangeRole = z.strictObject({ userId: id, role: ZStaffRole });
export type TChangeRole = z.output<typeof ZChangeRole>;

/** The accounts list's GET parameters: lenient, an unusable value is ignored. */
export const ZUserListQuery = z.object({
  q: z.string().trim().toLowerCase().max(254).refine(withoutControlCharacters).optional().catch(undefined),
  after: z.string().max(254).refine(withoutControlCharacters).optional().catch(undefined),
});
export type TUserListQuery = z.output<typeof ZUserListQuery>;

/** GDPR art. 17: erase a person by anonymisation, confirmed by ticking a box. */
export const ZAnonymisePerson = z.strictObject({
  userId: id,
  confirm: z.literal("on", { error: "eraseConfirmRequired" }),
});
export type TAnonymisePerson = z.output<typeof ZAnonymisePerson>;
