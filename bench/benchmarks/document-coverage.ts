// Coverage of one cascade (who has issued an implementing document, on time or late, who has not) as
// the national administrator, in process with app.inject: the cascade with the most targets — at
// national scale the Nghị quyết Đại hội XIV required of every provincial and commune committee
// (~3,400) — through GET /api/documents/:id/cascades (totals over every target the reader sees) and
// GET /api/document-cascades/:id/coverage (one node: totals, one group per child, a page of targets),
// at the holder and at the province with the most targets, and at that province the page of missing
// targets and the .xlsx export. Baseline: one bare statement counting the same targets the same way
// (the implements closure, the earliest implementing document per target); its numbers must equal the
// route's, or the benchmark fails.
import type { CascadeCoverage, CoverageTotals, DocumentCascade } from "@namro/contracts";
import { sql } from "kysely";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, type Timing, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 20;

interface Counts {
  targets: number;
  onTime: number;
  late: number;
  missing: number;
}

/**
 * The bare statement: every target of the cascade, on time / late / missing, counted independently of
 * the route's SQL: the closure as a plain recursive CTE over single ids (so it checks the route's
 * level-by-level walk), then looked up as an array (the CTE's estimate is far too high, which would
 * make the planner scan every document) and without JIT compilation.
 */
async function bareCoverage(
  dataset: Dataset,
  cascadeId: number,
  documentId: number,
  nodePath: string | null,
) {
  return dataset.database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<Counts>`
      WITH RECURSIVE implementing(id) AS (
          SELECT r.from_document_id FROM document_relations r
          WHERE r.to_document_id = ${documentId} AND r.kind = 'implements'
        UNION
          SELECT r.from_document_id FROM document_relations r JOIN implementing i ON r.to_document_id = i.id
          WHERE r.kind = 'implements'
      ),
      first_issued AS (
        SELECT coalesce(d.issuing_org_id, d.owner_org_id) AS org_id, min(d.issued_on) AS issued_on
        FROM documents d WHERE d.id = ANY(ARRAY(SELECT id FROM implementing)) AND NOT d.is_placeholder GROUP BY 1
      )
      SELECT count(*)::int AS targets,
        count(*) FILTER (WHERE f.org_id IS NOT NULL AND (f.issued_on IS NULL OR f.issued_on <= c.deadline))::int AS on_time,
        count(*) FILTER (WHERE f.issued_on > c.deadline)::int AS late,
        count(*) FILTER (WHERE f.org_id IS NULL)::int AS missing
      FROM document_cascade_targets t JOIN document_cascades c ON c.id = t.cascade_id
      JOIN organisations o ON o.id = t.org_id
      LEFT JOIN first_issued f ON f.org_id = t.org_id
      WHERE t.cascade_id = ${cascadeId} AND (${nodePath}::ltree IS NULL OR o.path <@ ${nodePath}::ltree)`.execute(
      trx,
    );
    return rows[0] as Counts;
  });
}

function sameCounts(label: string, route: CoverageTotals, bare: Counts): void {
  const fromRoute = {
    targets: route.targets,
    onTime: route.onTime,
    late: route.late,
    missing: route.missing,
  };
  if (JSON.stringify(fromRoute) !== JSON.stringify(bare))
    throw new Error(
      `${label}: the route counts ${JSON.stringify(fromRoute)}, the bare statement ${JSON.stringify(bare)}`,
    );
}

const describe = (c: Counts) =>
  `${c.targets.toLocaleString("en")} targets: ${c.onTime} on time, ${c.late} late, ${c.missing} missing`;

/** Measured rows, plus one line per cascade saying what was counted. */
export const coverageNotes: string[] = [];

export async function documentCoverage(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const db = dataset.database.db;
  const { rows } = await sql<{ id: number; documentId: number; label: string; targets: number }>`
    SELECT c.id, c.document_id, coalesce(d.symbol, d.citation) AS label, count(*)::int AS targets
    FROM document_cascades c JOIN documents d ON d.id = c.document_id
    JOIN document_cascade_targets t ON t.cascade_id = c.id
    GROUP BY c.id, d.symbol, d.citation ORDER BY count(*) DESC, c.id LIMIT 1`.execute(db);
  const cascade = rows[0];
  if (!cascade) throw new Error("no cascade in this dataset: seed the register first");
  // Issue 4: one directive across ~3,400 committees (the national register).
  const target = dataset.scale === "national" ? 200 : null;
  const results: Measurement[] = [];

  // Totals over every target: the cascade list of the document.
  const listUrl = `/api/documents/${cascade.documentId}/cascades`;
  const list = (await fixture.get(fixture.admin, listUrl)) as { items: DocumentCascade[] };
  const listed = list.items.find((item) => item.id === cascade.id);
  if (!listed) throw new Error(`cascade ${cascade.id} not listed for its document`);
  const bareAll = await bareCoverage(dataset, cascade.id, cascade.documentId, null);
  sameCounts("cascade list", listed.totals, bareAll);
  coverageNotes.push(`${cascade.label} (${dataset.label}): ${describe(bareAll)}.`);
  const baselineAll = await time(
    () => bareCoverage(dataset, cascade.id, cascade.documentId, null),
    ITERATIONS,
    3,
  );
  results.push(
    measurement(
      `coverage totals, ${cascade.label} (${cascade.targets.toLocaleString("en")} targets): GET /api/documents/:id/cascades`,
      dataset.label,
      await time(() => fixture.get(fixture.admin, listUrl), ITERATIONS, 3),
      "bare count over every target",
      baselineAll,
      target,
    ),
  );

  // The coverage view at the holder (default node) and at the province holding the most targets.
  const { rows: provinces } = await sql<{ id: number; name: string; path: string }>`
    SELECT r.id, r.name, r.path::text AS path FROM document_cascade_targets t
    JOIN organisations o ON o.id = t.org_id
    JOIN organisations r ON r.parent_id IS NULL AND o.path <@ r.path
    WHERE t.cascade_id = ${cascade.id} GROUP BY r.id, r.name, r.path ORDER BY count(*) DESC, r.id LIMIT 1`.execute(
    db,
  );
  const province = provinces[0];
  const nodes: { label: string; query: string; path: string | null }[] = [
    { label: "holder", query: "", path: null },
  ];
  const { rows: holder } = await sql<{ id: number }>`
    SELECT owner_org_id AS id FROM documents WHERE id = ${cascade.documentId}`.execute(db);
  if (province && Number(province.id) !== Number(holder[0]?.id))
    nodes.push({ label: province.name, query: `?orgId=${province.id}`, path: province.path });
  let last: LastNode | undefined;
  for (const node of nodes) {
    const url = `/api/document-cascades/${cascade.id}/coverage${node.query}`;
    const view = (await fixture.get(fixture.admin, url)) as CascadeCoverage;
    const nodePath = node.path ?? (await nodePathOf(dataset, view.node.orgId));
    const bare = await bareCoverage(dataset, cascade.id, cascade.documentId, nodePath);
    sameCounts(`coverage at ${view.node.orgName}`, view.totals, bare);
    const baseline = await time(
      () => bareCoverage(dataset, cascade.id, cascade.documentId, nodePath),
      ITERATIONS,
      3,
    );
    results.push(
      measurement(
        `coverage view at ${view.node.orgName} (${describe(bare)}; first page of 50)`,
        dataset.label,
        await time(() => fixture.get(fixture.admin, url), ITERATIONS, 3),
        "bare count under the node",
        baseline,
        target,
      ),
    );
    last = { url, query: node.query, missing: bare.missing, label: view.node.orgName, baseline };
  }
  if (last) results.push(...(await filteredAndExported(dataset, fixture, cascade.id, last, target)));
  return results;
}

interface LastNode {
  url: string;
  query: string;
  missing: number;
  label: string;
  baseline: Timing;
}

/** At the last node measured: the page of missing targets, and the workbook of every target. */
async function filteredAndExported(
  dataset: Dataset,
  fixture: AppFixture,
  cascadeId: number,
  node: LastNode,
  target: number | null,
): Promise<Measurement[]> {
  const missingUrl = `${node.url}${node.query ? "&" : "?"}status=missing`;
  const missing = (await fixture.get(fixture.admin, missingUrl)) as CascadeCoverage;
  if (missing.targets.total !== node.missing)
    throw new Error(
      `missing at ${node.label}: the route lists ${missing.targets.total}, bare ${node.missing}`,
    );
  const exportUrl = `/api/document-cascades/${cascadeId}/coverage/export${node.query}`;
  const exportWorkbook = async () => {
    const response = await fixture.app.inject({
      method: "GET",
      url: exportUrl,
      headers: { cookie: fixture.admin.cookie },
    });
    if (response.statusCode !== 200) throw new Error(`GET ${exportUrl}: ${response.statusCode}`);
  };
  return [
    measurement(
      `coverage view at ${node.label}, missing only (${node.missing} targets)`,
      dataset.label,
      await time(() => fixture.get(fixture.admin, missingUrl), ITERATIONS, 3),
      "bare count under the node",
      node.baseline,
      target,
    ),
    measurement(
      `coverage export at ${node.label} (.xlsx of every target)`,
      dataset.label,
      await time(exportWorkbook, ITERATIONS, 3),
      "bare count under the node",
      node.baseline,
      target,
    ),
  ];
}

async function nodePathOf(dataset: Dataset, orgId: number): Promise<string> {
  const { rows } = await sql<{
    path: string;
  }>`SELECT path::text AS path FROM organisations WHERE id = ${orgId}`.execute(dataset.database.db);
  return rows[0]?.path ?? "";
}
