// How a plan's progress is computed from its tasks (average, weighted by each task's weight, or the
// share done): read by whoever sees the plan, chosen by whoever manages tasks for the organisation
// holding it. A plan without a row uses "average".
import type { ProgressFormulaValue } from "@namro/contracts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { DocumentsService } from "../documents/documents.service.ts";
import { type Executor, isPlanType } from "./tasks.repository.ts";

export interface TaskPlanSettings {
  documentId: number;
  progressFormula: ProgressFormulaValue;
  version: number | null;
  canEdit: boolean;
}

async function requirePlan(
  executor: Executor,
  documents: DocumentsService,
  actor: Actor,
  documentId: number,
) {
  const document = await documents.findVisible(actor, documentId, executor);
  if (!document) throw new AppError("DOCUMENT_NOT_FOUND");
  if (!(await isPlanType(executor, document.typeId))) throw new AppError("TASK_PLAN_NOT_A_PLAN");
  return document;
}

async function settingsRow(executor: Executor, documentId: number, lock = false) {
  let query = executor.selectFrom("taskPlans").selectAll().where("documentId", "=", documentId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function getPlanSettings(
  deps: ServiceDeps,
  documents: DocumentsService,
  actor: Actor,
  documentId: number,
): Promise<TaskPlanSettings> {
  const document = await requirePlan(deps.db, documents, actor, documentId);
  const row = await settingsRow(deps.db, documentId);
  return {
    documentId,
    progressFormula: row?.progressFormula ?? "average",
    version: row?.version ?? null,
    canEdit: holdsPermissionAt(actor, "task.manage", document.ownerOrgPath),
  };
}

export async function updatePlanSettings(
  deps: ServiceDeps,
  documents: DocumentsService,
  actor: Actor,
  documentId: number,
  input: { progressFormula: ProgressFormulaValue; version: number | null },
  audit: AuditContext,
): Promise<TaskPlanSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const document = await requirePlan(trx, documents, actor, documentId);
    if (!holdsPermissionAt(actor, "task.manage", document.ownerOrgPath)) throw new AppError("ACCESS_DENIED");
    const row = await settingsRow(trx, documentId, true);
    if ((row?.version ?? null) !== input.version) throw new AppError("TASK_PLAN_VERSION_CONFLICT");
    const now = deps.clock.now();
    let version = row?.version ?? 1;
    if (!row) {
      // Two first saves at once both find no row to lock: the second inserts nothing and conflicts.
      const inserted = await trx
        .insertInto("taskPlans")
        .values({
          documentId,
          progressFormula: input.progressFormula,
          updatedBy: actor.accountId,
          updatedAt: now,
        })
        .onConflict((conflict) => conflict.column("documentId").doNothing())
        .returning("documentId")
        .executeTakeFirst();
      if (!inserted) throw new AppError("TASK_PLAN_VERSION_CONFLICT");
    } else if (row.progressFormula !== input.progressFormula) {
      version = row.version + 1;
      await trx
        .updateTable("taskPlans")
        .set({ progressFormula: input.progressFormula, version, updatedBy: actor.accountId, updatedAt: now })
        .where("documentId", "=", documentId)
        .execute();
    }
    if (!row || row.progressFormula !== input.progressFormula) {
      await recordAudit(
        trx,
        audit,
        {
          action: "task_plan.update",
          entityType: "task_plan",
          entityId: documentId,
          orgId: document.ownerOrgId,
          before: { progressFormula: row?.progressFormula ?? "average" },
          after: { progressFormula: input.progressFormula },
        },
        now,
      );
    }
    return { documentId, progressFormula: input.progressFormula, version, canEdit: true };
  });
}
