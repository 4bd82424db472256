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
} as const;
export type SettingName = keyof typeof settingKeys;

export const ZDriContacts = z.strictObject({ cooperationEmail: ZEmail, incomingEmail: ZEmail });
export type TDriContacts = z.output<typeof ZDriContacts>;
