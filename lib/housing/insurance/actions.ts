"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { ZInsuranceReview } from "@/lib/housing/insurance/schemas";
import { reviewInsuranceCertificate } from "@/lib/housing/insurance/service";

/** R-HOU-7: approve or reject (with a note) a submitted home-insurance certificate. */
export const reviewInsuranceAction = actionFor("insurance.reviewInsurance")
  .input(ZInsuranceReview)
  .action(async ({ input, ctx }) => {
    const result = await reviewInsuranceCertificate(ctx.viewer, input, ctx.requestId);
    refresh();
    return { insuranceStatus: result.insuranceStatus };
  });
