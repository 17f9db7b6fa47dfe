// Queries of cascades and their coverage. Their keys sit under the register's key, so any write to a
// document (a commune's plan registered and linked) refreshes the coverage too; a cascade's own writes
// refresh the register, the coverage and the inbox badge.
import { type CascadeSelection, documentCascadeRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";
import { DOCUMENTS_KEY } from "../documents/document-queries.ts";
import { NOTIFICATIONS_KEY } from "../notifications/notification-queries.ts";
import type { CoverageSearch } from "./coverage-search.ts";

export const CASCADES_KEY = [...DOCUMENTS_KEY, "cascades"] as const;
export const COVERAGE_KEY = [...DOCUMENTS_KEY, "coverage"] as const;

export const COVERAGE_PAGE_SIZE = 50;
/** How often an open coverage view asks again (TanStack Query pauses it while the tab is hidden). */
export const COVERAGE_REFRESH_MS = 60_000;

export function useDocumentCascades(documentId: number) {
  return useQuery({
    queryKey: [...CASCADES_KEY, documentId],
    queryFn: async () =>
      (await apiCall(documentCascadeRoutes.listDocumentCascades, { params: { id: documentId } })).items,
  });
}

export function useCascadeCoverage(cascadeId: number | undefined, search: CoverageSearch) {
  const query = { ...search, pageSize: COVERAGE_PAGE_SIZE };
  return useQuery({
    queryKey: [...COVERAGE_KEY, cascadeId ?? 0, query],
    queryFn: () =>
      apiCall(documentCascadeRoutes.getCascadeCoverage, { params: { id: cascadeId ?? 0 }, query }),
    enabled: cascadeId !== undefined && cascadeId > 0,
    placeholderData: keepPreviousData,
    // Plans are registered elsewhere all day: the view is asked again whenever it is opened or looked
    // at again, and catches up on its own while it stays open.
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: COVERAGE_REFRESH_MS,
  });
}

/** How many organisations a selection would address (asked again when the selection changes). */
export function useCascadePreview(documentId: number, selection: CascadeSelection | null) {
  return useQuery({
    queryKey: [...CASCADES_KEY, documentId, "preview", selection],
    queryFn: () =>
      apiCall(documentCascadeRoutes.previewDocumentCascade, {
        params: { id: documentId },
        body: { selection: selection as CascadeSelection },
      }),
    enabled: selection !== null,
    retry: false,
    staleTime: 30_000,
  });
}

/** After a cascade changed or reminders went out: everything about documents and the inbox is refetched. */
export function useCascadesChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    ]);
  };
}
