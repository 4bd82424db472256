"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { ZReissueLetter } from "@/lib/letters/schemas";
import { reissueAcceptanceLetter } from "@/lib/letters/service";

/** A new version of the acceptance letter, in the language chosen; the old one reads "replaced". */
export const reissueLetterAction = actionFor("letters.reissueLetter")
  .input(ZReissueLetter)
  .action(async ({ input, ctx }) => {
    const letter = await reissueAcceptanceLetter(ctx.viewer, input, ctx.requestId);
    refresh();
    return { letterId: letter.id, code: letter.code };
  });
