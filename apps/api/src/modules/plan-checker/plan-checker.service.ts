// The plan checker for the web: a pasted or uploaded draft plan read for its tasks and their clears
// against the committee's clear-set, units matched to organisations; nothing is stored. The corrected
// tasks are then created in a registered plan through the tasks service, in one transaction.
import {
  DOCUMENT_FILE_MAX_BYTES,
  PLAN_CHECK_MAX_CHARS,
  type PlanCheck,
  type PlanCheckCreated,
  type PlanCheckCreateTasksInput,
} from "@namro/contracts";
import { checkPlan, DEFAULT_CLEARS, type PlanInput } from "@namro/domain";
import type { AuditContext } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { TextFileError } from "../../platform/text-files/text-file-errors.ts";
import { documentFileError } from "../documents/documents.service.ts";
import type { OrganisationsService } from "../organisations/organisations.service.ts";
import type { TasksService } from "../tasks/tasks.service.ts";
import { presentCheckedTask, reasonsOf, summaryOf } from "./plan-checker.presenter.ts";
import { type PlanFile, readPlanFile } from "./plan-checker.reader.ts";
import { matchUnits, type UnitCommittee } from "./plan-checker.units.ts";

/** What the checker needs of the tasks module: the committee's clear-set and creating tasks at once. */
export type PlanTasksPort = Pick<TasksService, "getClearSet" | "createMany">;

export interface PlanUpload {
  fileName: string;
  bytes: Buffer;
}

type Source = PlanCheck["source"];

export class PlanCheckerService {
  readonly #organisations: OrganisationsService;
  readonly #tasks: PlanTasksPort;

  constructor(organisations: OrganisationsService, tasks: PlanTasksPort) {
    this.#organisations = organisations;
    this.#tasks = tasks;
  }

  async checkText(actor: Actor, text: string, orgId: number | undefined): Promise<PlanCheck> {
    const tidy = text.replace(/\r\n?/g, "\n").normalize("NFC");
    return this.#check(actor, { text: tidy }, orgId, { kind: "text", fileName: null, legacyEncoding: false });
  }

  async checkFile(actor: Actor, upload: PlanUpload, orgId: number | undefined): Promise<PlanCheck> {
    let file: PlanFile;
    try {
      file = await readPlanFile(upload.bytes, DOCUMENT_FILE_MAX_BYTES);
    } catch (error) {
      throw planFileError(error);
    }
    // an image, a scan, or a document with no words in it
    if (file.noText !== null) throw new AppError("PLAN_CHECK_FILE_NO_TEXT");
    const kind = file.read.kind === "image" ? "txt" : file.read.kind;
    return this.#check(actor, file.input, orgId, {
      kind,
      fileName: upload.fileName.normalize("NFC").slice(0, 255),
      legacyEncoding: file.read.legacyEncoding !== null,
    });
  }

  async createTasks(
    actor: Actor,
    input: PlanCheckCreateTasksInput,
    audit: AuditContext,
  ): Promise<PlanCheckCreated> {
    // an organisation the actor may not assign for is not there for them (404), like a missing one
    await this.#organisations.requireVisible(actor, "task.manage", input.ownerOrgId);
    const created = await this.#tasks.createMany(
      actor,
      { ownerOrgId: input.ownerOrgId, planDocumentId: input.planDocumentId },
      input.tasks,
      audit,
    );
    return { tasks: created };
  }

  async #check(
    actor: Actor,
    input: PlanInput,
    orgId: number | undefined,
    source: Source,
  ): Promise<PlanCheck> {
    if (input.text.trim() === "") throw new AppError("PLAN_CHECK_EMPTY");
    if (input.text.length > PLAN_CHECK_MAX_CHARS) throw new AppError("PLAN_CHECK_TOO_LONG");
    const committee: UnitCommittee | null =
      orgId === undefined ? null : await this.#organisations.requireVisible(actor, "task.read", orgId);
    const clearSet = committee ? (await this.#tasks.getClearSet(actor, committee.id)).clears : DEFAULT_CLEARS;
    const checked = checkPlan(input, { clears: clearSet });
    if (checked.length === 0) throw new AppError("PLAN_CHECK_NO_TASKS");
    const units = await matchUnits(
      checked.flatMap((t) => [...t.leads, ...t.support]),
      (q, limit) => this.#organisations.search(actor, { q, limit, includeClosed: false }),
      committee,
    );
    const byName = new Map(units.map((unit) => [unit.name, unit]));
    const tasks = checked.map((task) => presentCheckedTask(task, (unit) => byName.get(unit.name) ?? null));
    return {
      text: input.text,
      source,
      org: committee ? { id: committee.id, name: committee.name } : null,
      clears: clearSet.map((c) => ({ key: c.key, aspect: c.aspect, label: { ...c.label } })),
      reasons: reasonsOf(checked),
      units,
      tasks,
      summary: summaryOf(tasks, clearSet),
    };
  }
}

/** A file the reader refused, in the checker's words where they differ from the register's. */
function planFileError(error: unknown): unknown {
  if (error instanceof TextFileError && error.reason === "UNSUPPORTED")
    return new AppError("PLAN_CHECK_FILE_UNSUPPORTED", { detail: error.message });
  return documentFileError(error);
}
