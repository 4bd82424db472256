import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";

/**
 * Portal settings an admin edits (PortalSetting rows, key → value). The keys are the storage
 * names; the form and the code use the short names on the left.
 */
export const settingKeys = {
  /** R-ELI-7: the DRI cooperation managers (double diplomas, offshore programmes). */
  cooperationEmail: "dri.cooperation.email",
  /** The DRI's general contact for incoming mobility. */
  incomingEmail: "dri.incoming.email",
  /** R-MSG-4: "no" leaves a new message's text out of its e-mail (default: included). */
  messageMailText: "messages.mail.includeText",
} as const;
export type SettingName = keyof typeof settingKeys;

/** The settings the DRI contacts form edits. */
export const driContactNames = ["cooperationEmail", "incomingEmail"] as const satisfies SettingName[];

export const ZDriContacts = z.strictObject({ cooperationEmail: ZEmail, incomingEmail: ZEmail });
export type TDriContacts = z.output<typeof ZDriContacts>;

/** R-MSG-4: whether new-message mails carry the message's text. */
export const ZMessageMailSetting = z.strictObject({ includeText: z.enum(["yes", "no"], { error: "required" }) });
