// Queries and cache updates of the directive register. A write answers with the whole document, which
// replaces the cached one; lists, texts and graphs are refetched.
import { type DocumentDetail, documentRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";
import { type DocumentsSearch, listQueryOf } from "./documents-search.ts";

export const DOCUMENTS_KEY = ["documents"] as const;

export const DOCUMENTS_PAGE_SIZE = 20;

export function useDocumentList(search: DocumentsSearch, enabled = true) {
  const query = listQueryOf(search, DOCUMENTS_PAGE_SIZE);
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "list", query],
    queryFn: () => apiCall(documentRoutes.listDocuments, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDocument(id: number | undefined) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "detail", id ?? 0],
    queryFn: () => apiCall(documentRoutes.getDocument, { params: { id: id ?? 0 } }),
    enabled: id !== undefined && id > 0,
  });
}

export function useDocumentText(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "text", id],
    queryFn: () => apiCall(documentRoutes.getDocumentText, { params: { id } }),
    enabled,
  });
}

export function useDocumentGraph(id: number, depth: number, enabled: boolean) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "graph", id, depth],
    queryFn: () => apiCall(documentRoutes.getDocumentGraph, { params: { id }, query: { depth } }),
    enabled,
  });
}

/** After a write that returned the document: show it at once, refresh everything else about documents. */
export function useDocumentSaved() {
  const queryClient = useQueryClient();
  return async (detail: DocumentDetail | null) => {
    if (detail) queryClient.setQueryData([...DOCUMENTS_KEY, "detail", detail.id], detail);
    await queryClient.invalidateQueries({
      queryKey: DOCUMENTS_KEY,
      predicate: (query) => !(detail && query.queryKey[1] === "detail" && query.queryKey[2] === detail.id),
    });
  };
}
