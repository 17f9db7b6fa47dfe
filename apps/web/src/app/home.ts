// Where "/" leads after sign-in: people who follow tasks (task.read) land on the leader's dashboard
// ("Tổng quan"); everyone else on the organisation tree. Signed out: the sign-in page, which comes
// back here afterwards.
import type { Me } from "@namro/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { fetchMe, hasPermission, ME_QUERY_KEY } from "../features/auth/session.ts";
import { isApiError } from "../lib/api.ts";

export type HomePath = "/task-dashboard" | "/organisations" | "/login";

export function homePathOf(me: Me | undefined): HomePath {
  return hasPermission(me, "task.read") ? "/task-dashboard" : "/organisations";
}

export async function homePath(queryClient: QueryClient): Promise<HomePath> {
  try {
    const me = await queryClient.ensureQueryData({ queryKey: ME_QUERY_KEY, queryFn: fetchMe });
    return homePathOf(me);
  } catch (caught) {
    // Any other failure (the network): the shell shows it on the organisation page.
    return isApiError(caught, "AUTH_REQUIRED") ? "/login" : "/organisations";
  }
}
