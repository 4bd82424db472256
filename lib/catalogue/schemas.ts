import { z } from "zod";
import { ZAgreementKindCode } from "@/lib/agreements/kinds/schemas";
import { StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * The public catalogue's filters, from the query string. Anything odd (unknown values, arrays,
 * huge strings) is dropped to "no filter" rather than refused: a shared or hand-edited link
 * still shows a page, never an error.
 */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined);

export const ZCatalogueQuery = z.object({
  q: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  city: optionalText(100),
  network: optionalText(80),
  kind: ZAgreementKindCode.optional().catch(undefined),
  component: optionalText(20),
  level: z.enum(StudyLevel).optional().catch(undefined),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
});
export type TCatalogueQuery = z.output<typeof ZCatalogueQuery>;
