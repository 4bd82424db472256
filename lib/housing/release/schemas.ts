import { z } from "zod";

const uuid = z.uuid({ error: "invalid" });

/** Releasing is destructive (every decision becomes visible and is e-mailed): it is confirmed. */
export const ZReleaseRound = z.strictObject({
  roundId: uuid,
  confirm: z.literal("on", { error: "releaseConfirmRequired" }),
});
export type TReleaseRound = z.output<typeof ZReleaseRound>;

/** Resumes the sending of a released round's e-mails (after a crash or an SMTP outage). */
export const ZSendRoundMails = z.strictObject({ roundId: uuid });

/** Staff resolve one "uncertain" e-mail (a claim left by a crash): mark it sent, or send it again. */
export const ZUncertainMail = z.strictObject({ roundId: uuid, housingRequestId: uuid });
export type TUncertainMail = z.output<typeof ZUncertainMail>;

/** The job that e-mails a released round's decisions (lib/housing/release/mail-job.ts). */
export const ZRoundMailsJob = z.strictObject({
  roundId: uuid,
  actorId: z.string().nullish(),
  requestId: z.string().optional(),
});
export type TRoundMailsJob = z.output<typeof ZRoundMailsJob>;
