// Organisation types are data from the API; their names come in both languages.
import { type OrgType, organisationRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";

/** Invalidated after an administrator changes the types, so every type choice reflects it. */
export const ORG_TYPES_QUERY_KEY = ["org-types"] as const;

export function useOrgTypes() {
  return useQuery({
    queryKey: ORG_TYPES_QUERY_KEY,
    queryFn: async () => (await apiCall(organisationRoutes.listOrgTypes)).items,
    staleTime: 60 * 60_000,
  });
}

/** Codes of the types whose organisations members belong to directly (cells); undefined while loading. */
export function useCellTypeCodes(): string[] | undefined {
  const { data } = useOrgTypes();
  return useMemo(() => data?.filter((type) => type.holdsMembers).map((type) => type.code), [data]);
}

export function useOrgTypeName(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useOrgTypes();
  const english = i18n.language === "en";
  return useCallback(
    (code: string) => {
      const type = data?.find((item) => item.code === code);
      if (!type) return code;
      return english ? type.nameEn : type.nameVi;
    },
    [data, english],
  );
}

export function allowedChildTypes(
  types: readonly OrgType[] | undefined,
  parentTypeCode: string | null,
): OrgType[] {
  if (!types) return [];
  if (parentTypeCode === null) return [...types];
  const parent = types.find((type) => type.code === parentTypeCode);
  const allowed = new Set(parent?.allowedChildTypes ?? []);
  return types.filter((type) => allowed.has(type.code)).sort((a, b) => a.sortOrder - b.sortOrder);
}
