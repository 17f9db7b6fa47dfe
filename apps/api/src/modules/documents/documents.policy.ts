// Who may do what in the register. Reading follows the one visibility rule (documents.visibility.ts);
// registering and editing need document.manage over the holding organisation, and a confidential
// document also document.confidential there. Types and issuer codes hold for the whole installation:
// only an administrator of a root changes them (document_type.manage at a root).
import { type Actor, holdsPermissionAt, holdsPermissionAtRoot } from "../../platform/auth/actor.ts";

export function mayManageDocumentsIn(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "document.manage", orgPath);
}

export function mayReadDocumentsIn(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "document.read", orgPath);
}

/** May edit this document, its files and its relations. */
export function mayEditDocument(
  actor: Actor,
  document: { ownerOrgPath: string; confidentiality: string },
): boolean {
  if (!mayManageDocumentsIn(actor, document.ownerOrgPath)) return false;
  return (
    document.confidentiality === "normal" ||
    holdsPermissionAt(actor, "document.confidential", document.ownerOrgPath)
  );
}

/** May change document types, issuer codes and the terms of issuers outside the tree. */
export function mayManageDocumentReferenceData(actor: Actor): boolean {
  return holdsPermissionAtRoot(actor, "document_type.manage");
}
