// Access-matrix samples for the plan checker (see access-matrix.int.test.ts): "inside" checks a plan for
// the actor's commune and creates its tasks in a plan the commune holds; "outside" names the other
// commune (404, like a committee that does not exist).
import { PLAN_CHECK_ROUTES, type RouteContract } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";
import { createDocument } from "./document-factories.ts";
import { multipartFile } from "./multipart.ts";

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

const PLAN_TEXT = "1. Văn phòng Đảng ủy báo cáo kết quả trước ngày 30/6/2026.";

export function planCheckSamples(ctx: MatrixContext): [string, MatrixSample][] {
  return [
    [
      key(PLAN_CHECK_ROUTES.checkText),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: PLAN_CHECK_ROUTES.checkText.path,
          payload: { text: PLAN_TEXT, orgId: ctx.commune(scope).id },
        }),
      },
    ],
    [
      key(PLAN_CHECK_ROUTES.checkFile),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `${PLAN_CHECK_ROUTES.checkFile.path}?orgId=${ctx.commune(scope).id}`,
          ...multipartFile("ke-hoach.txt", Buffer.from(PLAN_TEXT)),
        }),
      },
    ],
    [
      key(PLAN_CHECK_ROUTES.createTasks),
      {
        scoped: true,
        build: async (scope) => {
          const plan = await createDocument(ctx.db(), {
            ownerOrgId: ctx.commune(scope).id,
            typeAbbreviation: "KH",
            issuerCodes: ["ĐU"],
          });
          return {
            method: "POST",
            url: PLAN_CHECK_ROUTES.createTasks.path,
            payload: {
              ownerOrgId: ctx.commune(scope).id,
              planDocumentId: plan.id,
              tasks: [{ title: "Báo cáo kết quả", dueDate: "2026-06-30" }],
            },
          };
        },
      },
    ],
  ];
}
