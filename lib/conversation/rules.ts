import type { ApplicationStatus, MessageSide, Role } from "@/lib/generated/prisma/enums";

/** R-MSG-3: the longest message, in characters. */
export const messageMaxLength = 4000;

/**
 * R-MSG-9: dossiers per call of a message sent to many (the page sends a large selection chunk
 * by chunk, showing progress; each call is one transaction, so a chunk is posted whole or not at all).
 */
export const bulkMessageChunkSize = 50;

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** R-MSG-3: a message is plain text; line breaks and tabs are the only controls it may hold. */
export function hasControlCharacters(text: string): boolean {
  return controlCharacters.test(text);
}

/** R-MSG-2: the thread opens when the dossier is submitted (staff see no draft) and never closes. */
export function isThreadOpen(status: ApplicationStatus): boolean {
  return status !== "DRAFT";
}

/** R-MSG-2: which side of the thread a writer is on. */
export function sideOf(role: Role): MessageSide {
  return role === "STUDENT" ? "STUDENT" : "STAFF";
}

/** R-MSG-5: the messages a reader has not read are the other side's, written after their last reading. */
export function isUnread(
  message: { side: MessageSide; createdAt: Date },
  reader: { side: MessageSide; readAt: Date | null },
): boolean {
  return message.side !== reader.side && (reader.readAt === null || message.createdAt > reader.readAt);
}

/** R-MSG-4: the mail's text carries the message only if the setting allows (default: yes). */
export function mailIncludesText(setting: string | null): boolean {
  return setting !== "no";
}
