// Access-matrix samples for task roll-ups and the dashboard (see access-matrix.int.test.ts): "inside"
// asks for the actor's commune, "outside" for the other commune (404, like one that does not exist).
import { type RouteContract, TASK_ROLLUP_ROUTES } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

export function taskRollupSamples(ctx: MatrixContext): [string, MatrixSample][] {
  return [TASK_ROLLUP_ROUTES.getRollup, TASK_ROLLUP_ROUTES.exportRollup, TASK_ROLLUP_ROUTES.getDashboard].map(
    (contract) => [
      key(contract),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `${contract.path}?orgId=${ctx.commune(scope).id}` }),
      },
    ],
  );
}
