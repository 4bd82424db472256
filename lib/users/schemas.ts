import { z } from "zod";
import { ZEmail, ZPersonName } from "@/lib/auth/schemas";
import { withoutControlCharacters } from "@/lib/security/control-characters";

/**
 * Staff accounts, managed by admins (students register themselves). No administrator types a
 * password: staff choose theirs from an invitation. Messages: errors.validation.*.
 */

const id = z.uuid({ error: "required" });

/** The roles an admin gives; a student account is the student's own. */
export const staffRoles = ["CORRESPONDENT", "ADMIN"] as const;
const ZStaffRole = z.enum(staffRoles, { error: "required" });

/** An invitation: the person chooses their own password through the mailed link (R-ACC-8). */
export const ZCreateStaffAccount = z.strictObject({
  name: ZPersonName,
  email: ZEmail,
  role: ZStaffRole,
  locale: z.enum(["fr", "en"], { error: "required" }),
});
export type TCreateStaffAccount = z.output<typeof ZCreateStaffAccount>;

export const ZSetAccountDisabled = z.strictObject({
  userId: id,
  disabled: z
    .union([z.enum(["true", "false"]), z.boolean()], { error: "invalid" })
    .transform((value) => value === true || value === "true"),
});
export type TSetAccountDisabled = z.output<typeof ZSetAccountDisabled>;

export const ZSendPasswordReset = z.strictObject({ userId: id });
export type TSendPasswordReset = z.output<typeof ZSendPasswordReset>;

export const ZResetSecondFactor = z.strictObject({ userId: id });

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
