// The import being worked on, polled while the server reads, validates or commits it.
import { type MemberImport, memberImportRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api.ts";

export const IMPORT_KEY = ["member-imports"] as const;
const BUSY = new Set(["parsing", "validating", "committing"]);

export function isBusy(memberImport: MemberImport | undefined): boolean {
  return memberImport !== undefined && BUSY.has(memberImport.status);
}

export function useMemberImport(id: number | undefined) {
  return useQuery({
    queryKey: [...IMPORT_KEY, id ?? 0],
    queryFn: () => apiCall(memberImportRoutes.getMemberImport, { params: { id: id ?? 0 } }),
    enabled: id !== undefined,
    refetchInterval: (query) => (isBusy(query.state.data) ? 400 : false),
  });
}

export function useImportRows(
  id: number,
  show: "all" | "problems" | "matched" | "new",
  page: number,
  pageSize: number,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...IMPORT_KEY, id, "rows", show, page, pageSize],
    queryFn: () =>
      apiCall(memberImportRoutes.listMemberImportRows, {
        params: { id },
        query: { show, page, pageSize },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A write answered with the import: cache it (polling resumes if it is busy) and drop stale rows. */
export function useImportChanged() {
  const queryClient = useQueryClient();
  return async (next: MemberImport) => {
    queryClient.setQueryData([...IMPORT_KEY, next.id], next);
    await queryClient.invalidateQueries({
      queryKey: [...IMPORT_KEY, next.id, "rows"],
    });
  };
}
