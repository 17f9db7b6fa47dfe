// Queries and cache updates of tasks. A write answers with the whole task, which replaces the cached
// one; lists (and roll-ups elsewhere) are refetched.
import { type ClearSet, TASK_ROUTES, type TaskDetail } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";
import { type TasksSearch, taskListQueryOf } from "./tasks-search.ts";

export const TASKS_KEY = ["tasks"] as const;
export const TASKS_PAGE_SIZE = 20;

export function useTaskList(search: TasksSearch, enabled = true, pageSize = TASKS_PAGE_SIZE) {
  const query = taskListQueryOf(search, pageSize);
  return useQuery({
    queryKey: [...TASKS_KEY, "list", query],
    queryFn: () => apiCall(TASK_ROUTES.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTaskChildren(parentId: number, enabled = true) {
  const query = { parentId, pageSize: 200, sort: "title" as const };
  return useQuery({
    queryKey: [...TASKS_KEY, "list", query],
    queryFn: () => apiCall(TASK_ROUTES.list, { query }),
    enabled,
  });
}

export function useTask(id: number | undefined) {
  return useQuery({
    queryKey: [...TASKS_KEY, "detail", id ?? 0],
    queryFn: () => apiCall(TASK_ROUTES.get, { params: { id: id ?? 0 } }),
    enabled: id !== undefined && id > 0,
  });
}

export const CLEAR_SET_KEY = ["clear-set"] as const;

export function useClearSet(orgId: number | undefined) {
  return useQuery({
    queryKey: [...CLEAR_SET_KEY, orgId ?? 0],
    queryFn: () => apiCall(TASK_ROUTES.getClearSet, { params: { orgId: orgId ?? 0 } }),
    enabled: orgId !== undefined && orgId > 0,
    staleTime: 5 * 60_000,
  });
}

export function useClearSetSaved() {
  const queryClient = useQueryClient();
  return async (set: ClearSet) => {
    queryClient.setQueryData([...CLEAR_SET_KEY, set.orgId], set);
    // Descendants inherit the set; their cached copies (and tasks' grades) are stale now.
    await queryClient.invalidateQueries({ queryKey: CLEAR_SET_KEY });
    await queryClient.invalidateQueries({ queryKey: TASKS_KEY });
  };
}

export function usePlanSettings(documentId: number, enabled = true) {
  return useQuery({
    queryKey: [...TASKS_KEY, "plan-settings", documentId],
    queryFn: () => apiCall(TASK_ROUTES.getPlanSettings, { params: { documentId } }),
    enabled,
  });
}

/** After a write that returned the task: show it at once, refresh everything else about tasks. */
export function useTaskSaved() {
  const queryClient = useQueryClient();
  return async (detail: TaskDetail | null) => {
    if (detail) queryClient.setQueryData([...TASKS_KEY, "detail", detail.id], detail);
    await queryClient.invalidateQueries({
      predicate: (query) => {
        const [head, kind, id] = query.queryKey;
        if (head === TASKS_KEY[0]) return !(detail && kind === "detail" && id === detail.id);
        // Roll-ups and dashboards (another feature) read tasks too.
        return typeof head === "string" && head.startsWith("task-");
      },
    });
  };
}
