"use server";

import { actionFor } from "@/lib/actions/chain";
import { explainCopies } from "@/lib/iias/explain";
import { ZCompareCopies } from "@/lib/iias/schemas";

/** ★ "Why doesn't my partner's hash match mine?": reads both copies, writes nothing. */
export const compareIiaCopiesAction = actionFor("iias.compareCopies")
  .input(ZCompareCopies)
  .action(async ({ input }) => explainCopies(input.ours, input.theirs));
