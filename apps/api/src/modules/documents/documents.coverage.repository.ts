// SQL for the coverage of cascades: which targets have issued an implementing document, on time or
// late, and which have not. A target has issued when a non-placeholder document whose issuing
// organisation is the target (the holding organisation when no issuing one is recorded) implements the
// cascade's document directly or through a chain of "implements" relations (a commune plan implementing
// the province plan that implements 21-KL/TW counts for 21-KL/TW); the earliest such document counts.
// Every view is one statement: the implements closure (level by level through document_relations_to),
// the targets joined to their organisations, and the aggregation by child of the drilled node (ltree).

import type { CoverageStatus } from "@namro/contracts";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";
import type { Executor } from "./documents.cascades.repository.ts";
import { type DocumentScope, documentVisibleSql } from "./documents.visibility.ts";

/**
 * Longest chain of "implements" relations followed (directive → province plan → commune plan → …):
 * several times the depth of the organisation tree, so only a runaway chain is cut.
 */
const MAX_IMPLEMENTS_DEPTH = 12;

/**
 * The documents implementing `documentId` directly or through chains, as the CTE `closure`: one row
 * per level with that level's new documents (`frontier`) and every document found so far (`seen`).
 * Each level is one lookup of the whole frontier through document_relations_to, and documents already
 * seen are dropped, so a cycle (A implements B implements A) ends the walk. Kept as arrays on purpose:
 * a recursive CTE over single ids is estimated at millions of rows, which makes the planner read every
 * document instead of looking up the few thousand implementing ones.
 */
function implementsClosureCte(documentId: number): RawBuilder<unknown> {
  return sql`closure(frontier, seen, depth) AS (
      SELECT start_level.ids, start_level.ids, 1
      FROM (SELECT ARRAY(SELECT r.from_document_id FROM document_relations r
                         WHERE r.to_document_id = ${documentId} AND r.kind = 'implements') AS ids
            OFFSET 0) AS start_level
    UNION ALL
      SELECT next_level.ids, l.seen || next_level.ids, l.depth + 1
      FROM closure l
      CROSS JOIN LATERAL (
        SELECT ARRAY(SELECT r.from_document_id FROM document_relations r
                     WHERE r.to_document_id = ANY(l.frontier) AND r.kind = 'implements'
                     EXCEPT SELECT unnest(l.seen)) AS ids
        OFFSET 0) AS next_level
      WHERE cardinality(l.frontier) > 0 AND l.depth < ${MAX_IMPLEMENTS_DEPTH}
  )`;
}

/** Every document of the closure, as one array (its last level's `seen`). */
const IMPLEMENTING_IDS = sql`(SELECT c.seen FROM closure c ORDER BY c.depth DESC LIMIT 1)::bigint[]`;

interface CoverageSource {
  documentId: number;
  cascadeIds: readonly number[];
  /** "Today" in Vietnam: missing targets are overdue after the deadline. */
  today: string;
  /** Which targets: those under the drilled node, or those in the actor's scope. */
  targetFilter: Expression<SqlBool>;
}

/**
 * CTEs ending in `covered`: one row per target with its organisation, the first implementing document
 * (if any), its status and day counts.
 */
function coveredCtes(source: CoverageSource): RawBuilder<unknown> {
  return sql`WITH RECURSIVE ${implementsClosureCte(source.documentId)},
  scoped_targets AS (
    SELECT t.cascade_id, t.org_id, t.last_reminded_at, c.deadline,
           o.path, o.name, o.search_key, o.type_code, o.status = 'active' AS org_active
    FROM document_cascade_targets t
    JOIN document_cascades c ON c.id = t.cascade_id
    JOIN organisations o ON o.id = t.org_id
    WHERE t.cascade_id IN (${sql.join(source.cascadeIds.length > 0 ? source.cascadeIds : [0])})
      AND ${source.targetFilter}
  ),
  first_issued AS (
    SELECT DISTINCT ON (coalesce(d.issuing_org_id, d.owner_org_id))
           coalesce(d.issuing_org_id, d.owner_org_id) AS org_id, d.id AS document_id, d.issued_on
    FROM documents d
    WHERE d.id = ANY(${IMPLEMENTING_IDS}) AND NOT d.is_placeholder
      AND coalesce(d.issuing_org_id, d.owner_org_id) IN (SELECT org_id FROM scoped_targets)
    ORDER BY coalesce(d.issuing_org_id, d.owner_org_id), d.issued_on NULLS LAST, d.id
  ),
  covered AS (
    SELECT st.*, f.document_id, f.issued_on,
           CASE WHEN f.document_id IS NULL THEN 'missing'
                WHEN f.issued_on IS NULL OR f.issued_on <= st.deadline THEN 'on_time'
                ELSE 'late' END AS status,
           CASE WHEN f.issued_on > st.deadline THEN f.issued_on - st.deadline END AS days_late,
           CASE WHEN f.document_id IS NULL AND ${source.today}::date > st.deadline
                THEN ${source.today}::date - st.deadline END AS days_overdue
    FROM scoped_targets st
    LEFT JOIN first_issued f ON f.org_id = st.org_id
  )`;
}

const STATUS_ORDER = sql`CASE c.status WHEN 'missing' THEN 0 WHEN 'late' THEN 1 ELSE 2 END`;

/** Count columns of a set of covered rows `c` (the keys of CoverageTotals). */
const TOTALS_COLUMNS = sql`count(*)::int AS targets,
  (count(*) FILTER (WHERE c.status <> 'missing'))::int AS issued,
  (count(*) FILTER (WHERE c.status = 'on_time'))::int AS on_time,
  (count(*) FILTER (WHERE c.status = 'late'))::int AS late,
  (count(*) FILTER (WHERE c.status = 'missing'))::int AS missing,
  (count(*) FILTER (WHERE c.days_overdue IS NOT NULL))::int AS overdue`;

export interface TotalsRow {
  targets: number;
  issued: number;
  onTime: number;
  late: number;
  missing: number;
  overdue: number;
}

/** Totals per cascade of one document over the targets inside `readPaths`. */
export async function cascadeTotals(
  executor: Executor,
  documentId: number,
  cascadeIds: readonly number[],
  readPaths: readonly string[],
  today: string,
): Promise<Map<number, TotalsRow>> {
  if (cascadeIds.length === 0) return new Map();
  const { rows } = await sql<TotalsRow & { cascadeId: number }>`${coveredCtes({
    documentId,
    cascadeIds,
    today,
    targetFilter: pathWithinAny(sql.ref("o.path"), readPaths),
  })}
  SELECT c.cascade_id, ${TOTALS_COLUMNS} FROM covered c GROUP BY c.cascade_id`.execute(executor);
  return new Map(rows.map(({ cascadeId, ...totals }) => [cascadeId, totals]));
}

export interface CoverageGroupRow extends TotalsRow {
  /** Null on the totals row and on the row of the node itself (when it is a target). */
  childId: number | null;
  isTotal: boolean;
  childName: string | null;
  childTypeCode: string | null;
  childIsTarget: boolean;
  hasTargetsBelow: boolean;
}

export interface CoverageTargetRow {
  orgId: number;
  orgName: string;
  orgTypeCode: string;
  orgActive: boolean;
  pathNames: string[];
  status: CoverageStatus;
  documentId: number | null;
  issuedOn: string | null;
  /** The implementing document is visible to the actor. */
  documentVisible: boolean;
  daysLate: number | null;
  daysOverdue: number | null;
  lastRemindedAt: string | null;
}

export interface CoverageAtNode {
  groups: CoverageGroupRow[];
  matching: number;
  targets: CoverageTargetRow[];
  /** The cascade's totals over `cascadeTotalsWithin`, when asked for. */
  cascadeTotals: TotalsRow | null;
}

export interface NodeCoverageOptions {
  documentId: number;
  cascadeId: number;
  today: string;
  nodePath: string;
  status: CoverageStatus | undefined;
  scope: DocumentScope;
  limit: number;
  offset: number;
  /**
   * Also count the cascade's totals over the targets in these subtrees (the reader's scope), in the
   * same statement: the implements closure is then looked up once for both.
   */
  cascadeTotalsWithin?: readonly string[] | undefined;
}

/** The totals (keys of TotalsRow) of the covered rows in the subtrees rooted at `paths`, as JSON. */
function cascadeTotalsJson(paths: readonly string[]): RawBuilder<unknown> {
  return sql`(SELECT json_build_object('targets', t.targets, 'issued', t.issued, 'onTime', t.on_time,
      'late', t.late, 'missing', t.missing, 'overdue', t.overdue)
    FROM (SELECT ${TOTALS_COLUMNS} FROM covered c WHERE ${pathWithinAny(sql.ref("c.path"), paths)}) t)`;
}

/** Names of the organisations from the node (level `level`) down to the target's parent. */
function pathNamesSql(level: number): RawBuilder<string[]> {
  return sql<string[]>`ARRAY(
    SELECT a.name FROM unnest(string_to_array(ltree2text(c.path), '.')::bigint[]) WITH ORDINALITY AS u(id, n)
    JOIN organisations a ON a.id = u.id
    WHERE u.n >= ${level} AND u.n < nlevel(c.path)
    ORDER BY u.n)`;
}

function implementingVisibleSql(scope: DocumentScope): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM documents vd
    WHERE vd.id = c.document_id AND ${documentVisibleSql("vd", scope)})`;
}

function targetColumns(level: number, scope: DocumentScope) {
  return sql`c.org_id AS "orgId", c.name AS "orgName", c.type_code AS "orgTypeCode",
    c.org_active AS "orgActive", ${pathNamesSql(level)} AS "pathNames", c.status,
    c.document_id AS "documentId", c.issued_on AS "issuedOn", ${implementingVisibleSql(scope)} AS "documentVisible",
    c.days_late AS "daysLate", c.days_overdue AS "daysOverdue", c.last_reminded_at AS "lastRemindedAt"`;
}

/**
 * The coverage at one node in one statement: totals of the node, one group per child organisation
 * holding targets, how many targets match the status filter, and one page of them.
 */
export async function coverageAtNode(
  executor: Executor,
  options: NodeCoverageOptions,
): Promise<CoverageAtNode> {
  const level = options.nodePath.split(".").length;
  const statusFilter = options.status === undefined ? sql`true` : sql`c.status = ${options.status}`;
  const underNode = (path: Expression<string>) => sql<SqlBool>`${path} <@ ${options.nodePath}::ltree`;
  const totalsWithin = options.cascadeTotalsWithin;
  const { rows } = await sql<{
    groups: CoverageGroupRow[];
    matching: number;
    targets: CoverageTargetRow[];
    cascadeTotals: TotalsRow | null;
  }>`${coveredCtes({
    documentId: options.documentId,
    cascadeIds: [options.cascadeId],
    today: options.today,
    targetFilter:
      totalsWithin === undefined
        ? underNode(sql.ref("o.path"))
        : sql<SqlBool>`(${underNode(sql.ref("o.path"))} OR ${pathWithinAny(sql.ref("o.path"), totalsWithin)})`,
  })},
  at_node AS (
    SELECT c.*, CASE WHEN nlevel(c.path) > ${level}
                     THEN ltree2text(subpath(c.path, ${level}, 1))::bigint END AS child_id
    FROM covered c
    WHERE ${underNode(sql.ref("c.path"))}
  ),
  grouped AS (
    SELECT c.child_id, GROUPING(c.child_id) = 1 AS is_total, ${TOTALS_COLUMNS},
           bool_or(nlevel(c.path) = ${level + 1}) AS child_is_target,
           bool_or(nlevel(c.path) > ${level + 1}) AS has_targets_below
    FROM at_node c
    GROUP BY GROUPING SETS ((c.child_id), ())
  ),
  page AS (
    SELECT ${targetColumns(level, options.scope)}, row_number() OVER (ORDER BY ${STATUS_ORDER}, c.search_key, c.name, c.org_id) AS ord
    FROM at_node c
    WHERE ${statusFilter}
    ORDER BY ${STATUS_ORDER}, c.search_key, c.name, c.org_id
    LIMIT ${options.limit} OFFSET ${options.offset}
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'childId', g.child_id, 'isTotal', g.is_total, 'childName', o.name, 'childTypeCode', o.type_code,
        'childIsTarget', coalesce(g.child_is_target, false), 'hasTargetsBelow', coalesce(g.has_targets_below, false),
        'targets', g.targets, 'issued', g.issued, 'onTime', g.on_time, 'late', g.late,
        'missing', g.missing, 'overdue', g.overdue)
      ORDER BY o.search_key, o.name, g.child_id), '[]'::json)
     FROM grouped g LEFT JOIN organisations o ON o.id = g.child_id) AS groups,
    (SELECT count(*)::int FROM at_node c WHERE ${statusFilter}) AS matching,
    (SELECT coalesce(json_agg(to_json(p) ORDER BY p.ord), '[]'::json) FROM page p) AS targets,
    ${totalsWithin === undefined ? sql`NULL::json` : cascadeTotalsJson(totalsWithin)} AS cascade_totals`.execute(
    executor,
  );
  const row = rows[0];
  return {
    groups: row?.groups ?? [],
    matching: row?.matching ?? 0,
    targets: row?.targets ?? [],
    cascadeTotals: row?.cascadeTotals ?? null,
  };
}

export interface ExportTargetRow extends CoverageTargetRow {
  documentSymbol: string | null;
  documentSubject: string | null;
}

/** Every target under the node (status filter applied), in tree order, for the workbook. */
export async function coverageExportRows(
  executor: Executor,
  options: Omit<NodeCoverageOptions, "limit" | "offset">,
): Promise<ExportTargetRow[]> {
  const level = options.nodePath.split(".").length;
  const statusFilter = options.status === undefined ? sql`true` : sql`c.status = ${options.status}`;
  const { rows } = await sql<ExportTargetRow>`${coveredCtes({
    documentId: options.documentId,
    cascadeIds: [options.cascadeId],
    today: options.today,
    targetFilter: sql<SqlBool>`o.path <@ ${options.nodePath}::ltree`,
  })},
  listed AS (
    SELECT ${targetColumns(level, options.scope)}, c.search_key FROM covered c WHERE ${statusFilter}
  )
  SELECT l.*,
         CASE WHEN l."documentVisible" THEN coalesce(d.symbol, d.citation) END AS "documentSymbol",
         CASE WHEN l."documentVisible" THEN d.subject END AS "documentSubject"
  FROM listed l
  LEFT JOIN documents d ON d.id = l."documentId"
  ORDER BY l."pathNames", l.search_key, l."orgName", l."orgId"`.execute(executor);
  return rows;
}

export interface MissingTargetRow {
  orgId: number;
  orgName: string;
  daysOverdue: number | null;
}

/** Targets under the node that have not issued their implementing document. */
export async function missingTargetsUnder(
  executor: Executor,
  options: { documentId: number; cascadeId: number; today: string; nodePath: string },
): Promise<MissingTargetRow[]> {
  const { rows } = await sql<MissingTargetRow>`${coveredCtes({
    documentId: options.documentId,
    cascadeIds: [options.cascadeId],
    today: options.today,
    targetFilter: sql<SqlBool>`o.path <@ ${options.nodePath}::ltree`,
  })}
  SELECT c.org_id AS "orgId", c.name AS "orgName", c.days_overdue AS "daysOverdue"
  FROM covered c WHERE c.status = 'missing' ORDER BY c.org_id`.execute(executor);
  return rows;
}
