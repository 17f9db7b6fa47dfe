// Five-clears tasks for the roll-up benchmarks, loaded by set-based SQL (generate_series over a
// province's organisations), province by province, when the scale's task seeder has not loaded them:
// per province, 40 plan tasks of the committee, each cascaded to every direct subordinate (communes,
// departments); half of those split further into leaf tasks led by the cells and grassroots
// organisations below; the rest of the province's share as tasks of those organisations on their own.
// Dates spread over the last ten months and the next eight; about 45% finished (some late), 2% paused,
// 1% cancelled, 10% continuous with quarterly reports, 30% with a counted target, 5% missing a clear,
// one submitted report per 200 tasks. A province already holding tasks is left as it is.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../apps/api/src/db/schema.ts";

const ROOTS_PER_PROVINCE = 40;

export interface ProvinceShare {
  id: number;
  code: string;
  path: string;
  tasks: number;
}

/** Tasks already counted under the province (any loader). */
async function tasksUnder(db: Kysely<Database>, path: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM tasks WHERE org_path <@ ${path}::ltree`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Loads `share.tasks` tasks (approximately: the cascade's shape rounds) into one province. */
export async function loadProvinceTasks(db: Kysely<Database>, share: ProvinceShare): Promise<number> {
  if ((await tasksUnder(db, share.path)) > 0) return 0;
  return db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE bench_l2 ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, path
      FROM organisations WHERE parent_id = ${share.id} AND status = 'active'`.execute(trx);
    await sql`CREATE TEMP TABLE bench_l3 ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY o.id) - 1)::int AS idx, o.id, o.path, l.idx AS cidx, l.id AS cid, l.path AS cpath
      FROM organisations o JOIN bench_l2 l ON o.path <@ l.path AND o.id <> l.id
      WHERE o.status = 'active'`.execute(trx);
    const { rows: counts } = await sql<{ n2: number; n3: number }>`
      SELECT (SELECT count(*)::int FROM bench_l2) AS n2, (SELECT count(*)::int FROM bench_l3) AS n3`.execute(
      trx,
    );
    const n2 = counts[0]?.n2 ?? 0;
    const n3 = counts[0]?.n3 ?? 0;
    if (n2 === 0 || n3 === 0) return 0;
    const leaves = Math.max(0, share.tasks - ROOTS_PER_PROVINCE - ROOTS_PER_PROVINCE * n2);
    const total = ROOTS_PER_PROVINCE + ROOTS_PER_PROVINCE * n2 + leaves;
    // Reserve the ids in one step so tree paths can be written in the same statements.
    const { rows: reserved } = await sql<{ base: number }>`
      SELECT (setval(pg_get_serial_sequence('tasks', 'id'),
                     nextval(pg_get_serial_sequence('tasks', 'id')) + ${total}) - ${total})::bigint AS base`.execute(
      trx,
    );
    const base = Number(reserved[0]?.base);
    const rootId = (r: unknown) => sql`(${sql.lit(base)} + ${r})`;
    const midId = sql`(${sql.lit(base)} + ${sql.lit(ROOTS_PER_PROVINCE)} + r.g * ${sql.lit(n2)} + l.idx)`;
    // Facts of task number `i` (deterministic), shared by all three levels.
    const facts = (n: RawBuilder<unknown>) => {
      const i = sql`(${n})::bigint`;
      return {
        start: sql`(current_date - ((${i} * 7919) % 300)::int)`,
        due: sql`(current_date - ((${i} * 7919) % 300)::int + (30 + (${i} * 104729) % 240)::int)`,
        done: sql`((${i} * 31) % 20 < 9)`,
      };
    };
    const columns = sql`(id, kind, plan_document_id, parent_id, tree_path, owner_org_id, owner_path, lead_org_id,
      org_path, title, search_key, start_date, due_date, schedule, report_frequency, target_value, target_unit,
      weight, state, progress_percent, actual_value, completed_on, last_reported_period_end, has_children,
      missing_clears)`;
    const values = (n: RawBuilder<unknown>) => {
      const f = facts(n);
      const i = sql`(${n})::bigint`;
      return sql`${f.start}, ${f.due},
        CASE WHEN ${i} % 10 = 3 THEN 'continuous' ELSE 'once' END,
        CASE WHEN ${i} % 10 = 3 THEN 'quarterly' END,
        CASE WHEN ${i} % 10 < 3 THEN (10 + ${i} % 90)::numeric END,
        CASE WHEN ${i} % 10 < 3 THEN (ARRAY['đảng viên', 'chi bộ', 'hộ gia đình'])[(1 + ${i} % 3)::int] END,
        (1 + ${i} % 3)::numeric,
        CASE WHEN ${i} % 50 = 1 THEN 'paused' WHEN ${i} % 100 = 2 THEN 'cancelled' ELSE 'active' END,
        CASE WHEN ${f.done} THEN 100 ELSE ((${i} * 37) % 100) END::numeric,
        CASE WHEN ${i} % 10 < 3 THEN round((10 + ${i} % 90) * CASE WHEN ${f.done} THEN 1 ELSE ((${i} * 37) % 100) / 100.0 END) END,
        CASE WHEN ${f.done} AND ${i} % 50 <> 1 AND ${i} % 100 <> 2
             THEN least(current_date, ${f.due} - 12 + ((${i} * 13) % 20)::int) END,
        CASE WHEN (${i} * 37) % 100 > 0 THEN (date_trunc('quarter', current_date) - interval '1 day')::date END`;
    };
    // The committee's plan tasks.
    await sql`INSERT INTO tasks ${columns}
      SELECT ${rootId(sql`g`)}, 'task', NULL, NULL, text2ltree((${sql.lit(base)} + g)::text), ${share.id}, ${share.path}::ltree,
             ${share.id}, ${share.path}::ltree, 'Nhiệm vụ trọng tâm ' || g, 'nhiem vu trong tam ' || g,
             ${values(sql`g`)}, true, '{}'
      FROM generate_series(0, ${sql.lit(ROOTS_PER_PROVINCE - 1)}) g`.execute(trx);
    // Each cascaded to every direct subordinate; those of even plan tasks are split further.
    await sql`INSERT INTO tasks ${columns}
      SELECT ${midId}, 'task', NULL, ${rootId(sql`r.g`)}, text2ltree((${sql.lit(base)} + r.g)::text || '.' || ${midId}::text),
             ${share.id}, ${share.path}::ltree, l.id, l.path, 'Nhiệm vụ trọng tâm ' || r.g, 'nhiem vu trong tam ' || r.g,
             ${values(sql`(r.g * 1000 + l.idx)`)}, r.g % 2 = 0, '{}'
      FROM generate_series(0, ${sql.lit(ROOTS_PER_PROVINCE - 1)}) r(g) CROSS JOIN bench_l2 l`.execute(trx);
    // Leaves: round-robin over the organisations below the subordinates.
    const leafId = sql`(${sql.lit(base)} + ${sql.lit(ROOTS_PER_PROVINCE + ROOTS_PER_PROVINCE * n2)} + i)`;
    const parentOf = sql`(${sql.lit(base)} + ${sql.lit(ROOTS_PER_PROVINCE)} + ((i / ${sql.lit(n3)}) % ${sql.lit(ROOTS_PER_PROVINCE / 2)}) * 2 * ${sql.lit(n2)} + o.cidx)`;
    const split = sql`(i % 3 <> 0)`;
    await sql`INSERT INTO tasks ${columns}
      SELECT ${leafId}, 'task', NULL,
             CASE WHEN ${split} THEN ${parentOf} END,
             CASE WHEN ${split}
                  THEN text2ltree((${sql.lit(base)} + ((i / ${sql.lit(n3)}) % ${sql.lit(ROOTS_PER_PROVINCE / 2)}) * 2)::text || '.' || ${parentOf}::text || '.' || ${leafId}::text)
                  ELSE text2ltree(${leafId}::text) END,
             o.cid, o.cpath, o.id, o.path, 'Nhiệm vụ ' || i, 'nhiem vu ' || i,
             ${values(sql`i`)}, false,
             CASE WHEN i % 20 = 7 THEN '{person}'::text[] ELSE '{}' END
      FROM generate_series(0, ${sql.lit(leaves - 1)}) i JOIN bench_l3 o ON o.idx = i % ${sql.lit(n3)}`.execute(
      trx,
    );
    // One submitted report per 200 leaves, awaiting review.
    await sql`INSERT INTO task_reports (task_id, period_key, period_start, period_end, percent, status, submitted_at)
      SELECT t.id, 'bench', current_date - 30, current_date - 1, t.progress_percent, 'submitted', now() - (t.id % 30) * interval '1 day'
      FROM tasks t WHERE t.id >= ${sql.lit(base)} AND t.id < ${sql.lit(base + total)} AND NOT t.has_children AND t.id % 200 = 0`.execute(
      trx,
    );
    return total;
  });
}

/**
 * Makes sure the tasks are there: `perProvince` tasks in the province `code` (the roll-up of a province
 * subtree), and when `national` is set that many across the country, each other province's share by
 * its number of organisations. Returns the provinces with their task counts.
 */
export async function ensureRollupTasks(
  db: Kysely<Database>,
  options: { provinceCode: string; perProvince: number; national: number | null },
  log: (message: string) => void,
): Promise<{ province: ProvinceShare; total: number }> {
  const { rows } = await sql<{ id: number; code: string; path: string; orgs: number }>`
    SELECT r.id, r.code, r.path::text AS path, (SELECT count(*)::int FROM organisations o WHERE o.path <@ r.path) AS orgs
    FROM organisations r WHERE r.parent_id IS NULL AND r.status = 'active' ORDER BY r.id`.execute(db);
  const province = rows.find((row) => row.code === options.provinceCode);
  if (!province) throw new Error(`no top organisation ${options.provinceCode}`);
  const shares: ProvinceShare[] = [{ ...province, tasks: options.perProvince }];
  if (options.national !== null) {
    const others = rows.filter((row) => row.id !== province.id);
    const orgs = others.reduce((sum, row) => sum + row.orgs, 0);
    const rest = options.national - options.perProvince;
    for (const row of others) shares.push({ ...row, tasks: Math.round((rest * row.orgs) / orgs) });
  }
  let loaded = 0;
  for (const share of shares) {
    const started = performance.now();
    const added = await loadProvinceTasks(db, share);
    if (added > 0) {
      loaded += added;
      log(
        `tasks: ${share.code} +${added.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  if (loaded > 0) {
    await sql`ANALYZE tasks`.execute(db);
    await sql`ANALYZE task_reports`.execute(db);
  }
  const { rows: totals } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tasks`.execute(db);
  return { province: shares[0] as ProvinceShare, total: totals[0]?.n ?? 0 };
}
