// Checking a plan: pasted text through the JSON route, a file through the upload route with real
// progress (the bytes sent, then the server reading). An upload still running when the page goes away
// is aborted.
import { PLAN_CHECK_ROUTES, type PlanCheck } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { apiCall, buildQuery } from "../../lib/api.ts";
import { type UploadHandle, uploadWithProgress } from "../../lib/upload.ts";
import { ME_QUERY_KEY } from "../auth/session.ts";

export function usePlanCheck() {
  const queryClient = useQueryClient();
  /** Null while no file is being sent; else the fraction sent (1: the server is reading it). */
  const [progress, setProgress] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const handle = useRef<UploadHandle<PlanCheck> | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const checkText = async (text: string, orgId: number | undefined): Promise<PlanCheck> => {
    setChecking(true);
    try {
      return await apiCall(PLAN_CHECK_ROUTES.checkText, { body: { text, ...(orgId ? { orgId } : {}) } });
    } finally {
      setChecking(false);
    }
  };

  const checkFile = async (file: File, orgId: number | undefined): Promise<PlanCheck> => {
    setChecking(true);
    setProgress(0);
    const me = queryClient.getQueryData<{ csrfToken: string }>(ME_QUERY_KEY);
    handle.current = uploadWithProgress<PlanCheck>(
      PLAN_CHECK_ROUTES.checkFile.path + buildQuery({ orgId }),
      file,
      me?.csrfToken ?? null,
      setProgress,
    );
    try {
      return await handle.current.promise;
    } finally {
      handle.current = null;
      setProgress(null);
      setChecking(false);
    }
  };

  return { progress, checking, checkText, checkFile, abort: () => handle.current?.abort() };
}
