"use server";

import { refresh } from "next/cache";
import { actionFor } from "@/lib/actions/chain";
import { reviewInsuranceCertificate } from "@/lib/housing/insurance-service";
import { ZInsuranceReview } from "@/lib/housing/student-schemas";

/** R-HOU-7: approve or reject (with a note) a submitted home-insurance certificate. */
export const reviewInsuranceAction = actionFor("insurance.reviewInsurance")
  .input(ZInsuranceReview)
  .action(async ({ input, ctx }) => {
    const result = await reviewInsuranceCertificate(ctx.viewer, input, ctx.requestId);
    refresh();
    return { insuranceStatus: result.insuranceStatus };
  });
