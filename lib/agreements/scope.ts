import type { AgreementScope } from "@/lib/agreements/rules";

/**
 * R-ELI-1: what to read of a partner's agreements to know what they cover, and the scope the
 * rules take from it — one shape for the submission's check and the reviewer's warnings.
 */
export const agreementScopeInclude = {
  components: { select: { id: true } },
  agreementKind: { select: { coversEveryComponent: true } },
  levelSeats: { select: { level: true, seatsPerYear: true } },
} as const;

export function toAgreementScope<
  T extends { components: { id: string }[]; agreementKind: { coversEveryComponent: boolean } } & Omit<
    AgreementScope,
    "componentIds" | "coversEveryComponent"
  >,
>(agreement: T): T & AgreementScope {
  return {
    ...agreement,
    componentIds: agreement.components.map((component) => component.id),
    coversEveryComponent: agreement.agreementKind.coversEveryComponent,
  };
}
