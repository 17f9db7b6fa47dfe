// Option lists and colours for the register's codes (status, confidentiality, relation kinds),
// labelled from the catalogues so both languages read naturally.
import {
  ConfidentialitySchema,
  type DocumentRelationKind,
  DocumentRelationKindSchema,
  type DocumentStatus,
  DocumentStatusSchema,
} from "@namro/contracts";
import type { TFunction } from "i18next";

export const DOCUMENT_STATUSES = DocumentStatusSchema.options;
export const CONFIDENTIALITIES = ConfidentialitySchema.options;
export const RELATION_KINDS = DocumentRelationKindSchema.options;

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  in_force: "green",
  amended: "gold",
  replaced: "default",
  expired: "default",
};

/** One colour per relation kind, shared by the lists' tags and the graph's edges. */
export const RELATION_COLORS: Record<DocumentRelationKind, string> = {
  implements: "#a3211b",
  replaces: "#722ed1",
  amends: "#d48806",
  guides: "#1677ff",
  refers_to: "#8c8c8c",
};

export function statusOptions(t: TFunction) {
  return DOCUMENT_STATUSES.map((value) => ({ value, label: t(`documents.status.${value}`) }));
}

export function confidentialityOptions(t: TFunction) {
  return CONFIDENTIALITIES.map((value) => ({ value, label: t(`documents.confidentiality.${value}`) }));
}

/** "Cụ thể hóa", "Thay thế", … — what this document does to the other one. */
export function relationKindOptions(t: TFunction) {
  return RELATION_KINDS.map((value) => ({ value, label: t(`documents.relationKind.${value}`) }));
}
