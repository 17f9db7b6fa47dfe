// Audit actions and entity types in words people read; an action the catalogue does not know yet
// (added by a later capability) is shown as its code.
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@namro/contracts";
import type { TFunction } from "i18next";

export { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES };

const keyOf = (code: string) => code.replace(/\./g, "_");

export function auditActionLabel(t: TFunction, action: string): string {
  return t(`auditAction.${keyOf(action)}`, { defaultValue: action });
}

export function auditEntityLabel(t: TFunction, entityType: string): string {
  return t(`auditEntity.${keyOf(entityType)}`, { defaultValue: entityType });
}
