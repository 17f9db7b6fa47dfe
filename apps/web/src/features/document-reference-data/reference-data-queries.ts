// Document types, issuer codes and committee terms: read by the register's filters and forms, changed
// on the reference data page. They rarely change, so they are kept for a while.
import { type CommitteeTermListQuery, documentReferenceDataRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";

export const REFERENCE_DATA_KEY = ["document-reference-data"] as const;

export function useDocumentTypes() {
  return useQuery({
    queryKey: [...REFERENCE_DATA_KEY, "types"],
    queryFn: () => apiCall(documentReferenceDataRoutes.listDocumentTypes),
    staleTime: 10 * 60_000,
  });
}

export function useDocumentIssuers() {
  return useQuery({
    queryKey: [...REFERENCE_DATA_KEY, "issuers"],
    queryFn: () => apiCall(documentReferenceDataRoutes.listDocumentIssuers),
    staleTime: 10 * 60_000,
  });
}

/** Terms of one organisation or of one issuer outside the tree ("TW"); nothing until one is chosen. */
export function useCommitteeTerms(owner: { orgId?: number | undefined; issuerCode?: string | undefined }) {
  const query: CommitteeTermListQuery = owner.orgId
    ? { orgId: owner.orgId }
    : { issuerCode: owner.issuerCode };
  return useQuery({
    queryKey: [...REFERENCE_DATA_KEY, "terms", owner.orgId ?? null, owner.issuerCode ?? null],
    queryFn: () => apiCall(documentReferenceDataRoutes.listCommitteeTerms, { query }),
    enabled: owner.orgId !== undefined || (owner.issuerCode ?? "") !== "",
    staleTime: 60_000,
  });
}

/** An issuer code's name in the interface language ("TU" → "Tỉnh ủy"), or null for an unknown code. */
export function useIssuerName(): (code: string) => string | null {
  const issuers = useDocumentIssuers();
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return (code) => {
    const issuer = issuers.data?.items.find((item) => item.code === code);
    if (!issuer) return null;
    return english && issuer.nameEn ? issuer.nameEn : issuer.nameVi;
  };
}
