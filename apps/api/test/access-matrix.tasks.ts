// Access-matrix samples for tasks (see access-matrix.int.test.ts): every request is about a task, an
// organisation or a plan of the scope's commune. A request an allowed actor may make stops at a domain
// refusal that comes before any write (a stale version, a due date before the start), so the matrix
// sees the route's access rule and the visibility rule, nothing else.
import { type RouteContract, TASK_ROUTES } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";
import { createDocument } from "./document-factories.ts";
import { createTask } from "./task-factories.ts";

type Scope = "inside" | "outside";

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

export function taskSamples(ctx: MatrixContext): [string, MatrixSample][] {
  const db = () => ctx.db();
  const taskOf = async (scope: Scope) => (await createTask(db(), { owner: ctx.commune(scope) })).id;
  const planOf = async (scope: Scope) =>
    (await createDocument(db(), { ownerOrgId: ctx.commune(scope).id, typeAbbreviation: "KH" })).id;
  const selection = (scope: Scope) => ({
    kind: "types",
    rootOrgId: ctx.commune(scope).id,
    typeCodes: ["to_dang"],
  });

  return [
    [
      key(TASK_ROUTES.list),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `/api/tasks?orgId=${ctx.commune(scope).id}` }),
      },
    ],
    [
      key(TASK_ROUTES.get),
      { scoped: true, build: async (scope) => ({ method: "GET", url: `/api/tasks/${await taskOf(scope)}` }) },
    ],
    [
      key(TASK_ROUTES.create),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: "/api/tasks",
          payload: {
            ownerOrgId: ctx.commune(scope).id,
            title: "Kiểm tra ma trận quyền",
            startDate: "2026-06-01",
            dueDate: "2026-05-01",
          },
        }),
      },
    ],
    [
      key(TASK_ROUTES.update),
      {
        scoped: true,
        build: async (scope) => ({
          method: "PATCH",
          url: `/api/tasks/${await taskOf(scope)}`,
          payload: { version: 99, title: "Đổi tên" },
        }),
      },
    ],
    [
      key(TASK_ROUTES.checkClears),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: "/api/tasks/check-clears",
          payload: { ownerOrgId: ctx.commune(scope).id, title: "Kiểm tra" },
        }),
      },
    ],
    [
      key(TASK_ROUTES.previewCascade),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/tasks/${await taskOf(scope)}/cascade/preview`,
          payload: { version: 1, selection: selection(scope) },
        }),
      },
    ],
    [
      key(TASK_ROUTES.cascade),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/tasks/${await taskOf(scope)}/cascade`,
          payload: { version: 99, selection: selection(scope) },
        }),
      },
    ],
    [
      key(TASK_ROUTES.changeState),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/tasks/${await taskOf(scope)}/state`,
          payload: { version: 99, state: "paused", reason: "Kiểm thử" },
        }),
      },
    ],
    [
      key(TASK_ROUTES.getClearSet),
      {
        scoped: true,
        build: async (scope) => ({
          method: "GET",
          url: `/api/organisations/${ctx.commune(scope).id}/clear-set`,
        }),
      },
    ],
    [
      key(TASK_ROUTES.updateClearSet),
      {
        scoped: true,
        build: async (scope) => ({
          method: "PUT",
          url: `/api/organisations/${ctx.commune(scope).id}/clear-set`,
          payload: { clears: null, version: 99 },
        }),
      },
    ],
    [
      key(TASK_ROUTES.getPlanSettings),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `/api/documents/${await planOf(scope)}/task-plan` }),
      },
    ],
    [
      key(TASK_ROUTES.updatePlanSettings),
      {
        scoped: true,
        build: async (scope) => ({
          method: "PUT",
          url: `/api/documents/${await planOf(scope)}/task-plan`,
          payload: { progressFormula: "weighted", version: 99 },
        }),
      },
    ],
  ];
}
