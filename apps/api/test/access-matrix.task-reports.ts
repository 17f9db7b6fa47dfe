// Access-matrix samples for task progress reports (see access-matrix.int.test.ts): every request is
// about a task assigned by the scope's commune. A request an allowed actor may make stops at a domain
// refusal that comes before any per-person rule (a cancelled task, a stale version, an accepted report),
// so the matrix sees the route's access rule and the visibility rule, nothing else.
import { type RouteContract, TASK_REPORT_ROUTES } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";
import { multipartFile } from "./multipart.ts";
import { createTask } from "./task-factories.ts";

type Scope = "inside" | "outside";

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

export function taskReportSamples(ctx: MatrixContext): [string, MatrixSample][] {
  const db = () => ctx.db();

  async function taskOf(scope: Scope, state: "active" | "cancelled" = "active") {
    return createTask(db(), { owner: ctx.commune(scope), state, startDate: "2025-01-01" });
  }

  /** A report (and one evidence file) on an active task of the scope's commune. */
  async function reportOf(scope: Scope, status: "submitted" | "accepted") {
    const task = await taskOf(scope);
    const report = await db()
      .insertInto("taskReports")
      .values({
        taskId: task.id,
        periodKey: "final",
        periodStart: "2025-01-01",
        periodEnd: "9999-12-31",
        percent: 40,
        status,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const file = await db()
      .insertInto("taskReportFiles")
      .values({
        reportId: report.id,
        fileName: "bien-ban.txt",
        mediaType: "text/plain; charset=utf-8",
        sizeBytes: 9,
        sha256: "0",
        content: Buffer.from("Biên bản"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { taskId: task.id, reportId: report.id, fileId: file.id };
  }

  return [
    [
      key(TASK_REPORT_ROUTES.list),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `/api/tasks/${(await taskOf(scope)).id}/reports` }),
      },
    ],
    [
      key(TASK_REPORT_ROUTES.submit),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/tasks/${(await taskOf(scope, "cancelled")).id}/reports`,
          payload: { periodKey: "final", percent: 10, narrative: "Đã triển khai." },
        }),
      },
    ],
    [
      key(TASK_REPORT_ROUTES.returnReport),
      {
        scoped: true,
        build: async (scope) => {
          const { taskId, reportId } = await reportOf(scope, "submitted");
          return {
            method: "POST",
            url: `/api/tasks/${taskId}/reports/${reportId}/return`,
            payload: { version: 99, reason: "Thiếu minh chứng" },
          };
        },
      },
    ],
    [
      key(TASK_REPORT_ROUTES.accept),
      {
        scoped: true,
        build: async (scope) => {
          const { taskId, reportId } = await reportOf(scope, "submitted");
          return {
            method: "POST",
            url: `/api/tasks/${taskId}/reports/${reportId}/accept`,
            payload: { version: 99 },
          };
        },
      },
    ],
    [
      key(TASK_REPORT_ROUTES.uploadFile),
      {
        scoped: true,
        build: async (scope) => {
          const { taskId, reportId } = await reportOf(scope, "accepted");
          return {
            method: "POST",
            url: `/api/tasks/${taskId}/reports/${reportId}/files`,
            ...multipartFile("minh-chung.txt", Buffer.from("Minh chứng")),
          };
        },
      },
    ],
    [
      key(TASK_REPORT_ROUTES.downloadFile),
      {
        scoped: true,
        build: async (scope) => {
          const { taskId, reportId, fileId } = await reportOf(scope, "submitted");
          return { method: "GET", url: `/api/tasks/${taskId}/reports/${reportId}/files/${fileId}` };
        },
      },
    ],
    [
      key(TASK_REPORT_ROUTES.deleteFile),
      {
        scoped: true,
        build: async (scope) => {
          const { taskId, reportId, fileId } = await reportOf(scope, "accepted");
          return { method: "DELETE", url: `/api/tasks/${taskId}/reports/${reportId}/files/${fileId}` };
        },
      },
    ],
    [
      key(TASK_REPORT_ROUTES.awaitingReview),
      {
        scoped: true,
        build: async (scope) => ({
          method: "GET",
          url: `/api/task-reports/awaiting-review?orgId=${ctx.commune(scope).id}`,
        }),
      },
    ],
  ];
}
