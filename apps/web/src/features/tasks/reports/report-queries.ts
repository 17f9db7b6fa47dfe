// Queries and writes of progress reports. Every key sits under the tasks' key: a report changes the
// task's progress and status, the lists, the roll-ups and the dashboard, so a write refetches them all.
import {
  type AcceptTaskReportInput,
  type ReturnTaskReportInput,
  type SubmitTaskReportInput,
  TASK_REPORT_ROUTES,
  type TaskReportFile,
} from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { apiCall, buildPath } from "../../../lib/api.ts";
import { type UploadHandle, uploadWithProgress } from "../../../lib/upload.ts";
import { ME_QUERY_KEY } from "../../auth/session.ts";
import { NOTIFICATIONS_KEY } from "../../notifications/notification-queries.ts";
import { TASKS_KEY } from "../task-queries.ts";

export const AWAITING_PAGE_SIZE = 20;

export function useTaskReports(taskId: number) {
  return useQuery({
    queryKey: [...TASKS_KEY, "reports", taskId],
    queryFn: () => apiCall(TASK_REPORT_ROUTES.list, { params: { id: taskId } }),
    // Someone else may return or accept a report while the task is open.
    refetchOnWindowFocus: true,
  });
}

export function useAwaitingReports(query: { orgId?: number | undefined; page?: number | undefined }) {
  const clean = {
    pageSize: AWAITING_PAGE_SIZE,
    ...(query.orgId ? { orgId: query.orgId } : {}),
    page: query.page ?? 1,
  };
  return useQuery({
    queryKey: [...TASKS_KEY, "awaiting-review", clean],
    queryFn: () => apiCall(TASK_REPORT_ROUTES.awaitingReview, { query: clean }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** After any write: everything about tasks and the inbox (reminders of returned reports) is refetched. */
export function useTasksChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
      queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    ]);
  };
}

export function submitReport(taskId: number, body: SubmitTaskReportInput) {
  return apiCall(TASK_REPORT_ROUTES.submit, { params: { id: taskId }, body });
}

export function returnReport(taskId: number, reportId: number, body: ReturnTaskReportInput) {
  return apiCall(TASK_REPORT_ROUTES.returnReport, { params: { id: taskId, reportId }, body });
}

export function acceptReport(taskId: number, reportId: number, body: AcceptTaskReportInput) {
  return apiCall(TASK_REPORT_ROUTES.accept, { params: { id: taskId, reportId }, body });
}

export function deleteReportFile(taskId: number, reportId: number, fileId: number) {
  return apiCall(TASK_REPORT_ROUTES.deleteFile, { params: { id: taskId, reportId, fileId } });
}

export function reportFileUrl(taskId: number, reportId: number, fileId: number): string {
  return buildPath(TASK_REPORT_ROUTES.downloadFile.path, { id: taskId, reportId, fileId });
}

/**
 * Sends evidence files one after another with real progress. An upload still running when the panel
 * goes away is aborted.
 */
export function useEvidenceUpload() {
  const queryClient = useQueryClient();
  /** Null while nothing is being sent; else the file being sent and the fraction sent. */
  const [progress, setProgress] = useState<{ fileName: string; fraction: number } | null>(null);
  const handle = useRef<UploadHandle<TaskReportFile> | null>(null);
  useEffect(() => () => handle.current?.abort(), []);

  const upload = async (taskId: number, reportId: number, file: File): Promise<TaskReportFile> => {
    setProgress({ fileName: file.name, fraction: 0 });
    const me = queryClient.getQueryData<{ csrfToken: string }>(ME_QUERY_KEY);
    handle.current = uploadWithProgress<TaskReportFile>(
      buildPath(TASK_REPORT_ROUTES.uploadFile.path, { id: taskId, reportId }),
      file,
      me?.csrfToken ?? null,
      (fraction) => setProgress({ fileName: file.name, fraction }),
    );
    try {
      return await handle.current.promise;
    } finally {
      handle.current = null;
      setProgress(null);
    }
  };

  return { progress, upload, abort: () => handle.current?.abort() };
}
