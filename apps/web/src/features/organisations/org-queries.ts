import { organisationRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";

export function useOrg(id: number | undefined, asOf?: string) {
  return useQuery({
    queryKey: ["organisations", "detail", id ?? 0, asOf ?? null],
    queryFn: () => apiCall(organisationRoutes.getOrg, { params: { id: id ?? 0 }, query: { asOf } }),
    enabled: id !== undefined && id > 0,
  });
}

export function useOrgHistory(id: number) {
  return useQuery({
    queryKey: ["organisations", "history", id],
    queryFn: () => apiCall(organisationRoutes.getOrgHistory, { params: { id } }),
  });
}
