"use server";

import { getTranslations } from "next-intl/server";
import { actionFor } from "@/lib/actions/chain";
import { selectMatchingDossiers } from "@/lib/applications/bulk/queries";
import { tallyOutcomes } from "@/lib/applications/bulk/rules";
import { ZBulkDecision } from "@/lib/applications/bulk/schemas";
import { decideInBulk } from "@/lib/applications/bulk/service";
import { mailDecision } from "@/lib/applications/decision-mail";
import { ZQueueQuery } from "@/lib/applications/schemas";

/** The ids and statuses of every dossier the queue lists with these filters (at most bulkSelectionLimit). */
export const selectMatchingAction = actionFor("applications.selectMatching")
  .input(ZQueueQuery)
  .action(async ({ input, ctx }) => selectMatchingDossiers(ctx.viewer, input));

/**
 * One chunk of a bulk decision (the page sends a large selection chunk by chunk, showing
 * progress): each dossier decided as a single one, mailed as a single one; the answer says how
 * many were done, changed meanwhile, or not concerned.
 */
export const decideInBulkAction = actionFor("applications.decideInBulk")
  .input(ZBulkDecision)
  .action(async ({ input, ctx }) => {
    const documents = {
      fr: await getTranslations({ locale: "fr", namespace: "documents" }),
      en: await getTranslations({ locale: "en", namespace: "documents" }),
    };
    const bulk = {
      fr: await getTranslations({ locale: "fr", namespace: "bulk" }),
      en: await getTranslations({ locale: "en", namespace: "bulk" }),
    };
    const results = await decideInBulk(ctx.viewer, input, ctx.requestId, (locale, kinds) => {
      const language = locale === "en" ? "en" : "fr";
      return bulk[language]("documentsLine", {
        documents: kinds.map((kind) => documents[language](`kind.${kind}`)).join(", "),
      });
    });
    for (const result of results) {
      if (result.decided) await mailDecision(input.decision, result.decided, ctx.requestId);
    }
    return {
      tally: tallyOutcomes(results),
      changed: results.filter((result) => result.outcome === "changed").map((result) => result.id),
    };
  });
