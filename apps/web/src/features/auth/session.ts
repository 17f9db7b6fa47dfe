// The signed-in account, fetched once and shared; its CSRF token is kept in memory for later writes.
import { authRoutes, type Me, type Permission } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiCall, setCsrfToken } from "../../lib/api.ts";

export const ME_QUERY_KEY = ["auth", "me"] as const;

export async function fetchMe(): Promise<Me> {
  const me = await apiCall(authRoutes.me);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
