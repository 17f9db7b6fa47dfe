// Roll-ups of tasks and the leader's dashboard (issue 5, items 4 and 5): one organisation's subtree,
// narrowed to a plan or a directive and a period; every figure through THE visibility rule. An
// organisation outside the reader's task scope, or a plan or directive the reader may not see, answers
// 404 like a missing one.
import type { Locale, RollupScope, TaskDashboard, TaskRollup } from "@namro/contracts";
import {
  DUE_SOON_DAYS,
  type ProgressFormula,
  rollupCountingRule,
  rollupPeriodRule,
  todayInVietnam,
} from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type Actor, isWithin, scopePaths } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import type { DocumentsService } from "../documents/documents.service.ts";
import * as dashboardRows from "./tasks.rollups.dashboard.repository.ts";
import { writeRollupWorkbook } from "./tasks.rollups.export.ts";
import {
  presentFigures,
  presentGroup,
  presentListedTask,
  presentTargets,
} from "./tasks.rollups.presenter.ts";
import * as repo from "./tasks.rollups.repository.ts";
import * as summary from "./tasks.rollups.summary.repository.ts";
import { taskScopeOf } from "./tasks.visibility.ts";

/** Overdue and due-soon tasks listed on the screen; the workbook lists up to EXPORT_LIST_LIMIT. */
const LIST_LIMIT = 20;
export const EXPORT_LIST_LIMIT = 20_000;
const AWAITING_LIMIT = dashboardRows.REVIEW_OLDEST;
const MISSING_CLEARS_LIMIT = 10;

interface Resolved {
  scope: RollupScope;
  source: repo.RollupSource;
}

type RollupFilters = {
  orgId?: number | undefined;
  planId?: number | undefined;
  directiveId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The last twelve months, the current one last, overdue counted at each month's end (today for this one). */
export function trendMonths(today: string): repo.TrendMonthSpec[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const iso = (y: number, m: number) => {
    const date = new Date(Date.UTC(y, m - 1, 1));
    return date.toISOString().slice(0, 10);
  };
  const months: repo.TrendMonthSpec[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const start = iso(year, month - back);
    const next = iso(year, month - back + 1);
    const lastDay = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    months.push({ month: start.slice(0, 7), start, next, end: lastDay < today ? lastDay : today });
  }
  return months;
}

export class TaskRollupsService {
  readonly #deps: ServiceDeps;
  readonly #documents: DocumentsService;

  constructor(deps: ServiceDeps, documents: DocumentsService) {
    this.#deps = deps;
    this.#documents = documents;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  async rollup(actor: Actor, query: RollupFilters): Promise<TaskRollup> {
    return this.#read(actor, async (trx) => {
      const { scope, source } = await this.#resolve(trx, actor, query);
      const rows = await this.#rows(trx, source, {
        listLimit: LIST_LIMIT,
        dueSoon: false,
        trend: null,
      });
      return {
        scope,
        figures: presentFigures(rows.total, scope.formula),
        targets: presentTargets(rows.targets),
        overdue: { items: rows.overdue.map(presentListedTask), total: rows.total.overdue },
        groups: rows.groups.map((group) => presentGroup(group, scope.formula)),
      };
    });
  }

  async dashboard(actor: Actor, query: { orgId?: number | undefined }): Promise<TaskDashboard> {
    return this.#read(actor, async (trx) => {
      const { scope, source } = await this.#resolve(trx, actor, { orgId: query.orgId });
      const rows = await this.#rows(trx, source, {
        listLimit: LIST_LIMIT,
        dueSoon: true,
        trend: trendMonths(source.today),
      });
      // The precomputed rows, brought to today by #rows above (every task under the node is visible).
      const awaiting = await dashboardRows.awaitingReviewAtNode(trx, source.nodePaths, AWAITING_LIMIT);
      const missing = await dashboardRows.plansMissingClearsAtNode(
        trx,
        source.nodePaths,
        MISSING_CLEARS_LIMIT,
      );
      return {
        scope,
        figures: presentFigures(rows.total, scope.formula),
        groups: rows.groups.map((group) => presentGroup(group, scope.formula)),
        trend: rows.trend,
        overdue: { items: rows.overdue.map(presentListedTask), total: rows.total.overdue },
        dueSoon: { items: rows.dueSoon.map(presentListedTask), total: rows.dueSoonTotal },
        dueSoonDays: DUE_SOON_DAYS,
        awaitingReview: {
          total: awaiting.total,
          items: awaiting.items.map((item) => ({
            ...item,
            id: Number(item.id),
            taskId: Number(item.taskId),
            submittedAt: new Date(item.submittedAt).toISOString(),
          })),
        },
        missingClears: missing.map((row) => ({
          plan:
            row.planId === null
              ? null
              : { id: Number(row.planId), symbol: row.planSymbol, subject: row.planSubject ?? "" },
          tasksMissing: row.tasksMissing,
          tasks: row.tasks,
        })),
      };
    });
  }

  /** The roll-up as a workbook: summary, one row per child organisation, targets, overdue, trend. */
  async exportRollup(
    actor: Actor,
    query: RollupFilters,
    locale: Locale,
  ): Promise<{ fileName: string; content: Buffer }> {
    const { scope, rows } = await this.#read(actor, async (trx) => {
      const resolved = await this.#resolve(trx, actor, query);
      return {
        scope: resolved.scope,
        rows: await this.#rows(trx, resolved.source, {
          listLimit: EXPORT_LIST_LIMIT,
          dueSoon: false,
          trend: trendMonths(resolved.source.today),
        }),
      };
    });
    const content = await writeRollupWorkbook({
      locale,
      scope,
      figures: presentFigures(rows.total, scope.formula),
      groups: rows.groups.map((group) => presentGroup(group, scope.formula)),
      targets: presentTargets(rows.targets),
      overdue: rows.overdue.map(presentListedTask),
      overdueTotal: rows.total.overdue,
      trend: rows.trend,
    });
    // A whole scope over several top organisations is named as such, not after the first of them.
    const named = scope.wholeScope ? "toan-pham-vi" : String(scope.orgId);
    return { fileName: `tong-hop-nhiem-vu-${named}-${scope.today}.xlsx`, content };
  }

  /**
   * The figures at the node: without a plan, directive or period from the precomputed rows (brought to
   * today first), else by one statement over the tasks themselves. Both give the same figures
   * (tasks.rollups.int.test.ts checks each against a recomputation from the rows).
   */
  async #rows(
    trx: Transaction<Database>,
    source: repo.RollupSource,
    options: repo.RollupOptions,
  ): Promise<repo.RollupRows> {
    if (source.planIds !== null || source.from !== null || source.to !== null) {
      return repo.rollupAtNode(trx, source, options);
    }
    const trend = trendMonths(source.today);
    await summary.refreshSummary(trx, source.today, trend);
    const rows = await summary.summaryAtNode(trx, source, {
      ...options,
      trend,
      withTrend: options.trend !== null,
    });
    return options.trend === null ? { ...rows, trend: [] } : rows;
  }

  /**
   * On the read replica when there is one (ADR 0009). There the precomputed rows cannot be brought to
   * today: a refresh's first write fails as read-only and the read runs again on the primary, so a
   * replica answers only when its rows are current for what it has replayed.
   */
  #read<T>(actor: Actor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return readsOf(this.#deps).run(actor, (db) =>
      db.transaction().execute(async (trx) => {
        await repo.disableParallelWorkers(trx);
        return work(trx);
      }),
    );
  }

  /**
   * The organisation asked for (404 outside the reader's task scope), else the top of the scope: its one
   * root, or every root as a whole scope.
   */
  async #node(
    trx: Transaction<Database>,
    readPaths: readonly string[],
    orgId: number | undefined,
  ): Promise<{ id: number; name: string; paths: string[]; breadcrumb: { id: number; name: string }[] }> {
    if (orgId === undefined && readPaths.length > 1) {
      const roots = await repo.orgsByPaths(trx, readPaths);
      const names = roots.map((org) => org.name);
      return {
        id: Number(roots[0]?.id),
        name: names.length <= 3 ? names.join(", ") : `${names.slice(0, 2).join(", ")} … (${names.length})`,
        paths: roots.map((org) => org.path),
        breadcrumb: [],
      };
    }
    const id = orgId ?? Number(readPaths[0]?.split(".").at(-1));
    const node = await repo.findOrg(trx, id);
    const root = node ? readPaths.find((path) => isWithin(node.path, path)) : undefined;
    if (!node || root === undefined) throw new AppError("ORG_NOT_FOUND");
    const breadcrumb = (await repo.orgsOnPath(trx, node.path))
      .filter((org) => isWithin(org.path, root))
      .map((org) => ({ id: Number(org.id), name: org.name }));
    return { id: Number(node.id), name: node.name, paths: [node.path], breadcrumb };
  }

  /** The node (404 outside the reader's task scope), the plan or directive (404 if not seen), the formula. */
  async #resolve(trx: Transaction<Database>, actor: Actor, query: RollupFilters): Promise<Resolved> {
    const readPaths = scopePaths(actor, "task.read");
    const today = this.#today();
    if (readPaths.length === 0) throw new AppError("ORG_NOT_FOUND");
    const node = await this.#node(trx, readPaths, query.orgId);
    let plan: RollupScope["plan"] = null;
    let directive: RollupScope["directive"] = null;
    let planIds: number[] | null = null;
    let formula: ProgressFormula = "average";
    if (query.planId !== undefined) {
      const document = await this.#documents.get(actor, query.planId, trx);
      plan = { id: document.id, symbol: document.symbol, subject: document.subject };
      planIds = [document.id];
      formula = await repo.planFormula(trx, document.id);
    } else if (query.directiveId !== undefined) {
      const document = await this.#documents.get(actor, query.directiveId, trx);
      planIds = await repo.plansImplementing(trx, document.id);
      directive = {
        id: document.id,
        symbol: document.symbol,
        subject: document.subject,
        plans: planIds.filter((id) => id !== document.id).length,
      };
    }
    const from = query.from ?? null;
    const to = query.to ?? null;
    return {
      scope: {
        orgId: node.id,
        orgName: node.name,
        wholeScope: node.paths.length > 1,
        breadcrumb: node.breadcrumb,
        plan,
        directive,
        from,
        to,
        today,
        formula,
        countingRule: rollupCountingRule(node.name, today),
        periodRule: rollupPeriodRule(from, to),
      },
      source: {
        nodeId: node.paths.length > 1 ? null : node.id,
        nodePaths: node.paths,
        // THE rule, with the actor's scope narrowed to the node: the node lies in the scope, so a task
        // counted under it is visible by the rule exactly when it is by the whole scope — and each row
        // is checked against one path instead of every scope root (34 for a national reader).
        scope: { ...taskScopeOf(actor), readPaths: node.paths },
        today,
        planIds,
        from,
        to,
      },
    };
  }
}
