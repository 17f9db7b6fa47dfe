// Use cases of cascades: a document requires subordinate organisations to issue an implementing
// document by a deadline; its coverage at any node of the tree; reminders to the targets missing; the
// coverage table as a workbook. The cascade's document must be visible to the actor (404 otherwise);
// changes need document.manage over the organisation holding it.
import type {
  CascadeCoverage,
  CascadePreview,
  CascadeSelection,
  CoverageStatus,
  CreateCascadeInput,
  DocumentCascade,
  DocumentSummary,
  Locale,
  SendRemindersResult,
} from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import { type Actor, isWithin, scopePaths } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import type { NotificationsService } from "../notifications/notifications.service.ts";
import { mayManageCascadesOf, mayRemindUnder, mayViewCoverageAt } from "./documents.cascades.policy.ts";
import {
  cascadeDocumentLabel,
  EMPTY_TOTALS,
  presentCascade,
  presentCoverageTarget,
  presentGroup,
  presentTotals,
} from "./documents.cascades.presenter.ts";
import { cascadeReminder } from "./documents.cascades.reminders.ts";
import * as repo from "./documents.cascades.repository.ts";
import { describeSelections, expandSelection } from "./documents.cascades.selection.ts";
import { writeCoverageWorkbook } from "./documents.coverage.export.ts";
import * as coverage from "./documents.coverage.repository.ts";
import { presentDocumentSummary } from "./documents.presenter.ts";
import { listVisibleSummaries } from "./documents.repository.ts";
import { type DocumentScope, documentScopeOf } from "./documents.visibility.ts";

interface CoverageNode {
  id: number;
  path: string;
  name: string;
  /** Ids from the top of the actor's view down to the node's parent. */
  ancestorIds: number[];
}

interface CascadeContext {
  cascade: repo.CascadeRow;
  document: repo.CascadeDocumentRow;
  scope: DocumentScope;
}

export interface UpdateCascadeFields {
  version: number;
  deadline?: string | undefined;
  note?: string | null | undefined;
}

export interface CoverageOptions {
  orgId?: number | undefined;
  status?: CoverageStatus | undefined;
  page: number;
  pageSize: number;
}

function deadlineBeforeIssue(): AppError {
  return new AppError("DOCUMENT_CASCADE_DEADLINE_BEFORE_ISSUE", {
    issues: [{ path: "body.deadline", message: "DOCUMENT_CASCADE_DEADLINE_BEFORE_ISSUE" }],
  });
}

function nfc(text: string | null | undefined): string | null {
  return text ? text.normalize("NFC") : null;
}

export class DocumentCascadesService {
  readonly #deps: ServiceDeps;
  readonly #notifications: NotificationsService;
  constructor(deps: ServiceDeps, notifications: NotificationsService) {
    this.#deps = deps;
    this.#notifications = notifications;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  // ---- cascades of a document ---------------------------------------------------------------

  async list(actor: Actor, documentId: number, locale: Locale): Promise<{ items: DocumentCascade[] }> {
    const scope = documentScopeOf(actor);
    return this.#read(async (trx) => {
      const document = await repo.findCascadeDocument(trx, documentId, scope);
      if (!document?.visible) throw new AppError("DOCUMENT_NOT_FOUND");
      const rows = await repo.listCascadesOfDocument(trx, documentId);
      return { items: await this.#presentCascades(trx, actor, document, rows, scope, locale) };
    });
  }

  /** What a selection would address, checked as creating would check it; nothing is written. */
  async preview(
    actor: Actor,
    documentId: number,
    selection: CascadeSelection,
    locale: Locale,
  ): Promise<CascadePreview> {
    const scope = documentScopeOf(actor);
    return this.#read(async (trx) => {
      const document = await repo.findCascadeDocument(trx, documentId, scope);
      if (!document?.visible) throw new AppError("DOCUMENT_NOT_FOUND");
      if (!mayManageCascadesOf(actor, document.ownerPath)) throw new AppError("ACCESS_DENIED");
      const [selectionLabel = ""] = await describeSelections(trx, [selection], locale);
      try {
        const targetIds = await expandSelection(trx, actor, document.ownerPath, selection);
        return { targets: targetIds.length, selectionLabel };
      } catch (error) {
        // Types that find no organisation are an answer here, not a refusal.
        if (error instanceof AppError && error.code === "DOCUMENT_CASCADE_NO_TARGETS")
          return { targets: 0, selectionLabel };
        throw error;
      }
    });
  }

  async create(
    actor: Actor,
    documentId: number,
    input: CreateCascadeInput,
    audit: AuditContext,
    locale: Locale,
  ): Promise<DocumentCascade> {
    const scope = documentScopeOf(actor);
    return this.#deps.db.transaction().execute(async (trx) => {
      const document = await repo.findCascadeDocument(trx, documentId, scope);
      if (!document?.visible) throw new AppError("DOCUMENT_NOT_FOUND");
      if (!mayManageCascadesOf(actor, document.ownerPath)) throw new AppError("ACCESS_DENIED");
      if (document.isPlaceholder) throw new AppError("DOCUMENT_CASCADE_PLACEHOLDER");
      if (document.issuedOn !== null && input.deadline < document.issuedOn) throw deadlineBeforeIssue();
      const selection = input.selection as CascadeSelection;
      const targetIds = await expandSelection(trx, actor, document.ownerPath, selection);
      const note = nfc(input.note);
      const id = await repo.insertCascade(trx, {
        documentId,
        deadline: input.deadline,
        selection,
        note,
        createdBy: actor.accountId,
      });
      await repo.insertTargets(trx, id, targetIds);
      await recordAudit(
        trx,
        audit,
        {
          action: "document.cascade_create",
          entityType: "document_cascade",
          entityId: id,
          orgId: document.ownerOrgId,
          after: { documentId, deadline: input.deadline, selection, note, targetCount: targetIds.length },
        },
        this.#deps.clock.now(),
      );
      const row = await repo.findCascade(trx, id);
      if (!row) throw new Error(`cascade ${id} vanished`);
      const [presented] = await this.#presentCascades(trx, actor, document, [row], scope, locale);
      return presented as DocumentCascade;
    });
  }

  async update(
    actor: Actor,
    id: number,
    input: UpdateCascadeFields,
    audit: AuditContext,
    locale: Locale,
  ): Promise<DocumentCascade> {
    const scope = documentScopeOf(actor);
    return this.#deps.db.transaction().execute(async (trx) => {
      const { cascade, document } = await this.#requireManageable(trx, actor, id, scope);
      if (cascade.version !== input.version) throw new AppError("DOCUMENT_CASCADE_VERSION_CONFLICT");
      const changes: { deadline?: string; note?: string | null } = {};
      if (input.deadline !== undefined && input.deadline !== cascade.deadline) {
        if (document.issuedOn !== null && input.deadline < document.issuedOn) throw deadlineBeforeIssue();
        changes.deadline = input.deadline;
      }
      if (input.note !== undefined && nfc(input.note) !== cascade.note) changes.note = nfc(input.note);
      if (Object.keys(changes).length > 0) {
        await repo.updateCascade(trx, id, changes);
        const before = Object.fromEntries(
          Object.keys(changes).map((key) => [key, key === "deadline" ? cascade.deadline : cascade.note]),
        );
        await recordAudit(
          trx,
          audit,
          {
            action: "document.cascade_update",
            entityType: "document_cascade",
            entityId: id,
            orgId: document.ownerOrgId,
            before,
            after: changes,
          },
          this.#deps.clock.now(),
        );
      }
      const row = await repo.findCascade(trx, id);
      if (!row) throw new Error(`cascade ${id} vanished`);
      const [presented] = await this.#presentCascades(trx, actor, document, [row], scope, locale);
      return presented as DocumentCascade;
    });
  }

  async delete(actor: Actor, id: number, version: number, audit: AuditContext): Promise<{ ok: true }> {
    const scope = documentScopeOf(actor);
    return this.#deps.db.transaction().execute(async (trx) => {
      const { cascade, document } = await this.#requireManageable(trx, actor, id, scope);
      if (cascade.version !== version) throw new AppError("DOCUMENT_CASCADE_VERSION_CONFLICT");
      const targetCount = await repo.countTargets(trx, id);
      await repo.deleteCascade(trx, id);
      await recordAudit(
        trx,
        audit,
        {
          action: "document.cascade_delete",
          entityType: "document_cascade",
          entityId: id,
          orgId: document.ownerOrgId,
          before: {
            documentId: cascade.documentId,
            deadline: cascade.deadline,
            selection: cascade.selection,
            note: cascade.note,
            targetCount,
          },
        },
        this.#deps.clock.now(),
      );
      return { ok: true as const };
    });
  }

  // ---- coverage -----------------------------------------------------------------------------

  async coverage(
    actor: Actor,
    id: number,
    options: CoverageOptions,
    locale: Locale,
  ): Promise<CascadeCoverage> {
    return this.#read((db) => this.#coverage(db, actor, id, options, locale), actor);
  }

  async #coverage(
    db: Transaction<Database>,
    actor: Actor,
    id: number,
    options: CoverageOptions,
    locale: Locale,
  ): Promise<CascadeCoverage> {
    const context = await this.#requireVisible(db, actor, id);
    const { cascade, document, scope } = context;
    const node = await this.#resolveNode(actor, context, options.orgId, db);
    const today = this.#today();
    // At the holder, seen by a reader of the holder, the node's totals are the cascade's (every target
    // lies below the holder and within the reader's scope); elsewhere the node's statement counts the
    // cascade's totals too, so the implements closure is looked up once.
    const nodeIsWholeCascade =
      node.path === document.ownerPath && mayViewCoverageAt(actor, document.ownerPath);
    const [atNode, names] = await Promise.all([
      coverage.coverageAtNode(db, {
        documentId: document.id,
        cascadeId: cascade.id,
        today,
        nodePath: node.path,
        status: options.status,
        scope,
        limit: options.pageSize,
        offset: (options.page - 1) * options.pageSize,
        cascadeTotalsWithin: nodeIsWholeCascade ? undefined : scope.readPaths,
      }),
      repo.findOrgNames(db, node.ancestorIds),
    ]);
    const total = atNode.groups.find((group) => group.isTotal);
    const cascadeTotals = nodeIsWholeCascade ? total : atNode.cascadeTotals;
    const [presented] = await this.#presentCascades(db, actor, document, [cascade], scope, locale, {
      known: new Map([[cascade.id, cascadeTotals ?? { ...EMPTY_TOTALS }]]),
    });
    const implementingIds = atNode.targets.flatMap((row) =>
      row.documentId !== null && row.documentVisible ? [row.documentId] : [],
    );
    const summaries = new Map<number, DocumentSummary>(
      (await listVisibleSummaries(db, scope, [document.id, ...implementingIds])).map((row) => [
        row.id,
        presentDocumentSummary(row, locale),
      ]),
    );
    const summary = summaries.get(document.id);
    if (!summary || !presented) throw new AppError("DOCUMENT_CASCADE_NOT_FOUND");
    return {
      cascade: presented,
      document: summary,
      today,
      node: {
        orgId: node.id,
        orgName: node.name,
        ancestors: node.ancestorIds.map((orgId) => ({ orgId, orgName: names.get(orgId) ?? "" })),
        isTarget: atNode.groups.some((group) => !group.isTotal && group.childId === null),
      },
      totals: presentTotals(total),
      groups: atNode.groups.filter((group) => !group.isTotal && group.childId !== null).map(presentGroup),
      targets: {
        items: atNode.targets.map((row) =>
          presentCoverageTarget(
            row,
            row.documentId === null ? null : (summaries.get(row.documentId) ?? null),
          ),
        ),
        page: options.page,
        pageSize: options.pageSize,
        total: atNode.matching,
      },
    };
  }

  async exportCoverage(
    actor: Actor,
    id: number,
    options: { orgId?: number | undefined; status?: CoverageStatus | undefined },
    locale: Locale,
  ): Promise<{ fileName: string; content: Buffer }> {
    const today = this.#today();
    const { cascade, document, node, rows } = await this.#read(async (db) => {
      const context = await this.#requireVisible(db, actor, id);
      const at = await this.#resolveNode(actor, context, options.orgId, db);
      return {
        ...context,
        node: at,
        rows: await coverage.coverageExportRows(db, {
          documentId: context.document.id,
          cascadeId: context.cascade.id,
          today,
          nodePath: at.path,
          status: options.status,
          scope: context.scope,
        }),
      };
    }, actor);
    const totals = presentTotals({
      targets: rows.length,
      issued: rows.filter((row) => row.status !== "missing").length,
      onTime: rows.filter((row) => row.status === "on_time").length,
      late: rows.filter((row) => row.status === "late").length,
      missing: rows.filter((row) => row.status === "missing").length,
      overdue: rows.filter((row) => row.daysOverdue !== null).length,
    });
    const content = await writeCoverageWorkbook({
      locale,
      documentLabel: cascadeDocumentLabel(document, locale),
      deadline: cascade.deadline,
      today,
      nodeName: node.name,
      totals,
      rows,
    });
    return { fileName: `cu-the-hoa-${cascade.id}-${today}.xlsx`, content };
  }

  // ---- reminders ----------------------------------------------------------------------------

  /**
   * Reminds the missing targets under the node (all of them, or the chosen ones). A target already
   * reminded today about this cascade is not reminded again; the answer says how many were.
   */
  async remind(
    actor: Actor,
    id: number,
    input: { orgId?: number | undefined; orgIds?: number[] | undefined },
    audit: AuditContext,
  ): Promise<SendRemindersResult> {
    const today = this.#today();
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction().execute(async (trx) => {
      const context = await this.#requireVisible(trx, actor, id);
      const { cascade, document } = context;
      const node = await this.#resolveNode(actor, context, input.orgId, trx);
      if (!mayRemindUnder(actor, node.path)) throw new AppError("ACCESS_DENIED");
      const missing = await coverage.missingTargetsUnder(trx, {
        documentId: document.id,
        cascadeId: cascade.id,
        today,
        nodePath: node.path,
      });
      let chosen = missing;
      if (input.orgIds !== undefined) {
        const byId = new Map(missing.map((target) => [target.orgId, target]));
        const issues = input.orgIds.flatMap((orgId, index) =>
          byId.has(orgId)
            ? []
            : [{ path: `body.orgIds.${index}`, message: "DOCUMENT_CASCADE_REMIND_NOT_TARGET" }],
        );
        if (issues.length > 0) throw new AppError("DOCUMENT_CASCADE_REMIND_NOT_TARGET", { issues });
        chosen = [...new Set(input.orgIds)].map((orgId) => byId.get(orgId) as coverage.MissingTargetRow);
      }
      const sent = await this.#notifications.notifyMany(
        trx,
        chosen.map((target) =>
          cascadeReminder({
            cascadeId: cascade.id,
            deadline: cascade.deadline,
            today,
            document,
            target,
            createdBy: actor.accountId,
          }),
        ),
      );
      const sentOrgIds = sent.flatMap((notification) =>
        notification.orgId === null ? [] : [notification.orgId],
      );
      if (sentOrgIds.length > 0) {
        await repo.markReminded(trx, cascade.id, sentOrgIds, now);
        await recordAudit(
          trx,
          audit,
          {
            action: "document.remind",
            entityType: "document_cascade",
            entityId: cascade.id,
            orgId: node.id,
            after: { documentId: document.id, deadline: cascade.deadline, orgIds: sentOrgIds },
          },
          now,
        );
      }
      return { sent: sentOrgIds.length, alreadyRemindedToday: chosen.length - sentOrgIds.length };
    });
  }

  // ---- shared steps -------------------------------------------------------------------------

  /**
   * Reads of cascades and coverage: one transaction (JIT is off on every connection, db/database.ts). A
   * report read for an actor (coverage and its export) goes to the read replica when there is one (ADR 0009).
   */
  #read<T>(work: (trx: Transaction<Database>) => Promise<T>, reportFor?: Actor): Promise<T> {
    const inTransaction = (db: Kysely<Database>) =>
      db.transaction().execute(async (trx) => {
        return work(trx);
      });
    return reportFor ? readsOf(this.#deps).run(reportFor, inTransaction) : inTransaction(this.#deps.db);
  }

  /** The cascade and its document when the actor may see the document; 404 otherwise. */
  async #requireVisible(executor: repo.Executor, actor: Actor, id: number): Promise<CascadeContext> {
    const scope = documentScopeOf(actor);
    const cascade = await repo.findCascade(executor, id);
    const document = cascade
      ? await repo.findCascadeDocument(executor, cascade.documentId, scope)
      : undefined;
    if (!cascade || !document?.visible) throw new AppError("DOCUMENT_CASCADE_NOT_FOUND");
    return { cascade, document, scope };
  }

  async #requireManageable(
    executor: repo.Executor,
    actor: Actor,
    id: number,
    scope: DocumentScope,
  ): Promise<CascadeContext> {
    const locked = await repo.lockCascade(executor, id);
    const document = locked ? await repo.findCascadeDocument(executor, locked.documentId, scope) : undefined;
    if (!locked || !document?.visible) throw new AppError("DOCUMENT_CASCADE_NOT_FOUND");
    if (!mayManageCascadesOf(actor, document.ownerPath)) throw new AppError("ACCESS_DENIED");
    return { cascade: locked, document, scope };
  }

  /**
   * The node drilled into and its breadcrumb. The top of the actor's view is the document's holder
   * when the actor may read there, else the first of the actor's own subtrees holding targets (a
   * commune sees its own part of a province's cascade). A chosen node must lie in the read scope.
   */
  async #resolveNode(
    actor: Actor,
    context: CascadeContext,
    orgId: number | undefined,
    executor: repo.Executor = this.#deps.db,
  ): Promise<CoverageNode> {
    const readPaths = context.scope.readPaths;
    const ownerInView = mayViewCoverageAt(actor, context.document.ownerPath);
    const top = ownerInView
      ? context.document.ownerPath
      : ((await repo.firstScopeWithTargets(executor, context.cascade.id, readPaths)) ?? readPaths[0]);
    if (top === undefined) throw new AppError("DOCUMENT_CASCADE_NOT_FOUND");
    const nodeId = orgId ?? Number(top.split(".").at(-1));
    const [org] = await repo.findOrgs(executor, [nodeId]);
    if (!org || !mayViewCoverageAt(actor, org.path)) throw new AppError("ORG_NOT_FOUND");
    const viewRoot = isWithin(org.path, top) ? top : readPaths.find((root) => isWithin(org.path, root));
    const ids = org.path.split(".").map(Number);
    const start = (viewRoot ?? org.path).split(".").length - 1;
    return { id: org.id, path: org.path, name: org.name, ancestorIds: ids.slice(start, -1) };
  }

  async #presentCascades(
    executor: repo.Executor,
    actor: Actor,
    document: repo.CascadeDocumentRow,
    rows: readonly repo.CascadeRow[],
    scope: DocumentScope,
    locale: Locale,
    options: { known?: Map<number, coverage.TotalsRow> | undefined } = {},
  ): Promise<DocumentCascade[]> {
    const canManage = mayManageCascadesOf(actor, document.ownerPath);
    const [totals, labels] = await Promise.all([
      options.known ??
        coverage.cascadeTotals(
          executor,
          document.id,
          rows.map((row) => row.id),
          scope.readPaths,
          this.#today(),
        ),
      describeSelections(
        executor,
        rows.map((row) => row.selection as CascadeSelection),
        locale,
        canManage ? null : scopePaths(actor, "document.read"),
      ),
    ]);
    return rows.map((row, index) =>
      presentCascade(row, { totals: totals.get(row.id), selectionLabel: labels[index] ?? "", canManage }),
    );
  }
}
