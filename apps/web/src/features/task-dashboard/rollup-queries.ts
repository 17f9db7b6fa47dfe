// Queries of the leader's dashboard and the roll-up. Their keys sit under the tasks' key, so any write
// to a task or a report refreshes them. Like the coverage view they are asked again when the page is
// looked at again and every minute while it stays open (TanStack Query pauses while the tab is hidden).
import { TASK_ROLLUP_ROUTES, TASK_TODO_ROUTES } from "@namro/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";
import { TASKS_KEY } from "../tasks/task-queries.ts";
import type { RollupSearch } from "./rollup-search.ts";

export const ROLLUP_REFRESH_MS = 60_000;

const live = {
  placeholderData: keepPreviousData,
  staleTime: 0,
  refetchOnWindowFocus: true,
  refetchInterval: ROLLUP_REFRESH_MS,
} as const;

export function useTaskRollup(search: RollupSearch, enabled = true) {
  return useQuery({
    queryKey: [...TASKS_KEY, "rollup", search],
    queryFn: () => apiCall(TASK_ROLLUP_ROUTES.getRollup, { query: search }),
    enabled,
    ...live,
  });
}

export function useTaskDashboard(orgId: number | undefined, enabled = true) {
  const query = orgId ? { orgId } : {};
  return useQuery({
    queryKey: [...TASKS_KEY, "dashboard", query],
    queryFn: () => apiCall(TASK_ROLLUP_ROUTES.getDashboard, { query }),
    enabled,
    ...live,
  });
}

/** "Việc cần làm": the person's own to-do about tasks (not the organisation chosen on the page). */
export function useTaskTodo(enabled = true) {
  return useQuery({
    queryKey: [...TASKS_KEY, "todo"],
    queryFn: () => apiCall(TASK_TODO_ROUTES.todo),
    enabled,
    ...live,
  });
}
