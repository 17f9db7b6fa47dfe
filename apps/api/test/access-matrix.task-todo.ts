// Access-matrix sample for "Việc cần làm" (see access-matrix.int.test.ts): it names no organisation —
// the answer is always the actor's own — so it is checked as an unscoped route.
import { TASK_TODO_ROUTES } from "@namro/contracts";
import type { MatrixSample } from "./access-matrix.documents.ts";

export function taskTodoSamples(): [string, MatrixSample][] {
  const contract = TASK_TODO_ROUTES.todo;
  return [
    [
      `${contract.method} ${contract.path}`,
      { scoped: false, build: async () => ({ method: "GET", url: contract.path }) },
    ],
  ];
}
