// Access-matrix sample for the accounts a task can name as responsible (see access-matrix.int.test.ts):
// "inside" asks for the actor's commune, "outside" for the other commune (404, like a missing one).
import { TASK_ASSIGNEE_ROUTES } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";

export function taskAssigneeSamples(ctx: MatrixContext): [string, MatrixSample][] {
  const contract = TASK_ASSIGNEE_ROUTES.listAssignees;
  return [
    [
      `${contract.method} ${contract.path}`,
      {
        scoped: true,
        build: async (scope) => ({
          method: "GET",
          url: `/api/organisations/${ctx.commune(scope).id}/task-assignees?q=nguyen`,
        }),
      },
    ],
  ];
}
