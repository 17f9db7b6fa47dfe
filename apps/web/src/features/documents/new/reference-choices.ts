// The choices of the references step: which found references become relations, and of what kind.
import type { DocumentRelationKind, FoundReference, ProposedHeader } from "@namro/contracts";

export interface ReferenceChoice {
  keep: boolean;
  kind: DocumentRelationKind;
}

/**
 * Whether a found reference is the uploaded document's own number, as its header gives it ("Số
 * 12-KH/TU" under the issuing body): not a reference to another document.
 */
export function isOwnNumber(reference: FoundReference, header: ProposedHeader | null): boolean {
  if (!header?.number || reference.number === null || reference.system !== "party") return false;
  return (
    Number.parseInt(reference.number, 10) === Number.parseInt(header.number, 10) &&
    reference.type === header.typeAbbreviation &&
    reference.issuer === header.issuerCodes.join("-")
  );
}

/** Found references: one choice each, kept with the proposed kind, except the document's own number. */
export function initialChoices(
  references: readonly FoundReference[],
  header: ProposedHeader | null,
): ReferenceChoice[] {
  return references.map((reference) => ({
    keep: !isOwnNumber(reference, header),
    kind: reference.proposedKind,
  }));
}
