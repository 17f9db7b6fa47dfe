// Queries and cache updates of the member registry. A write answers with the whole record, which
// replaces the cached one; lists and transfers are refetched.
import { type MemberDetail, memberRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";
import type { MembersSearch } from "./members-search.ts";

export const MEMBERS_KEY = ["members"] as const;

export const MEMBERS_PAGE_SIZE = 50;

export function useMemberList(search: MembersSearch, enabled = true) {
  const query = { ...search, pageSize: MEMBERS_PAGE_SIZE };
  return useQuery({
    queryKey: [...MEMBERS_KEY, "list", query],
    queryFn: () => apiCall(memberRoutes.listMembers, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: [...MEMBERS_KEY, "detail", id ?? 0],
    queryFn: () => apiCall(memberRoutes.getMember, { params: { id: id ?? 0 } }),
    enabled: id !== undefined && id > 0,
  });
}

export function usePostTypes() {
  return useQuery({
    queryKey: [...MEMBERS_KEY, "post-types"],
    queryFn: () => apiCall(memberRoutes.listMemberPostTypes),
    staleTime: 10 * 60_000,
  });
}

export function useTransfers() {
  return useQuery({
    queryKey: [...MEMBERS_KEY, "transfers"],
    queryFn: () => apiCall(memberRoutes.listMemberTransfers),
  });
}

/** After a write that returned the record: show it at once, refresh everything else about members. */
export function useMemberSaved() {
  const queryClient = useQueryClient();
  return async (detail: MemberDetail | null) => {
    if (detail) queryClient.setQueryData([...MEMBERS_KEY, "detail", detail.id], detail);
    await queryClient.invalidateQueries({
      queryKey: MEMBERS_KEY,
      predicate: (query) => !(detail && query.queryKey[1] === "detail" && query.queryKey[2] === detail.id),
    });
  };
}
