// Task roll-ups and the leader's dashboard (issue 5): in process with app.inject as the national
// administrator, on a province subtree of ~200,000 tasks (the demo province at the demo and province
// scales; the province with the most tasks at national scale) and, at national scale, over all
// ~5,000,000 tasks (the administrator's whole scope). Measured: GET /api/task-dashboard and
// GET /api/task-rollup at the province (target p95 ≤ 100 ms on PostgreSQL, ≤ 400 ms on PGlite), the
// drill-down into its largest commune, the whole country (≤ 300 ms on PostgreSQL), the .xlsx export
// (reported), and how long a progress report takes to show in the province's roll-up (submit through
// POST /api/tasks/:id/reports, then read the roll-up once: the task must have moved to "done"; ≤ 2 s).
// Baseline: one bare statement counting the same leaf tasks by status (THE status rule) — its counts
// must equal the route's, or the benchmark fails; so must the dashboard's reports awaiting review and
// plans missing clears equal bare statements over the reports and tasks.
import type { TaskDashboard, TaskRollup, TaskStatusCounts } from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import { sql } from "kysely";
import { taskStatusSql } from "../../apps/api/src/modules/tasks/tasks.status-sql.ts";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 20;

/** What was counted, one line per dataset. */
export const taskRollupNotes: string[] = [];

type Counts = Omit<TaskStatusCounts, "total">;

/** The bare statement: leaf tasks under the paths by status, nothing else. */
async function bareCounts(dataset: Dataset, paths: readonly string[], today: string): Promise<Counts> {
  return dataset.database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ status: keyof Counts; n: number }>`
      SELECT ${taskStatusSql("t", today)} AS status, count(*)::int AS n
      FROM tasks t
      WHERE (${sql.join(
        paths.map((path) => sql`t.org_path <@ ${path}::ltree`),
        sql` OR `,
      )}) AND NOT t.has_children
      GROUP BY 1`.execute(trx);
    const counts: Counts = {
      not_started: 0,
      in_progress: 0,
      done_on_time: 0,
      done_late: 0,
      overdue: 0,
      paused: 0,
      cancelled: 0,
    };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  });
}

function sameCounts(label: string, route: TaskStatusCounts, bare: Counts): void {
  const { total, ...fromRoute } = route;
  const sum = Object.values(bare).reduce((a, b) => a + b, 0);
  if (JSON.stringify(fromRoute) !== JSON.stringify(bare) || total !== sum)
    throw new Error(
      `${label}: the route counts ${JSON.stringify(route)}, the bare statement ${JSON.stringify(bare)}`,
    );
}

/**
 * The dashboard's reports awaiting review and plans missing clears (precomputed, migration 0024) must
 * equal bare statements over the reports and tasks under the paths, or the benchmark fails.
 */
async function sameDashboardParts(
  dataset: Dataset,
  label: string,
  dashboard: TaskDashboard,
  paths: readonly string[],
): Promise<void> {
  const under = (column: string) =>
    sql.join(
      paths.map((path) => sql`${sql.ref(column)} <@ ${path}::ltree`),
      sql` OR `,
    );
  const db = dataset.database.db;
  const { rows: waiting } = await sql<{ id: number; total: number }>`
    SELECT r.id, count(*) OVER ()::int AS total
    FROM task_reports r JOIN tasks t ON t.id = r.task_id
    WHERE r.status = 'submitted' AND (${under("t.owner_path")})
    ORDER BY r.submitted_at, r.id LIMIT 5`.execute(db);
  const { rows: missing } = await sql<{ planId: number | null; tasks: number; tasksMissing: number }>`
    SELECT nullif(m.plan_id, 0) AS "planId", m.tasks, m.missing AS "tasksMissing"
    FROM (SELECT coalesce(t.plan_document_id, 0) AS plan_id, count(*)::int AS tasks,
                 (count(*) FILTER (WHERE t.missing_clears <> '{}'))::int AS missing
          FROM tasks t WHERE t.state <> 'cancelled' AND (${under("t.org_path")})
          GROUP BY 1) m
    WHERE m.missing > 0 ORDER BY m.missing DESC, m.plan_id = 0, m.plan_id LIMIT 10`.execute(db);
  const route = {
    awaiting: [dashboard.awaitingReview.total, dashboard.awaitingReview.items.map((item) => item.id)],
    missing: dashboard.missingClears.map((row) => ({
      planId: row.plan?.id ?? null,
      tasks: row.tasks,
      tasksMissing: row.tasksMissing,
    })),
  };
  const bare = {
    awaiting: [waiting[0]?.total ?? 0, waiting.map((row) => Number(row.id))],
    missing: missing.map((row) => ({ ...row, planId: row.planId === null ? null : Number(row.planId) })),
  };
  if (JSON.stringify(route) !== JSON.stringify(bare))
    throw new Error(
      `${label}: the route's dashboard parts ${JSON.stringify(route)}, bare ${JSON.stringify(bare)}`,
    );
}

export async function taskRollup(
  dataset: Dataset,
  fixture: AppFixture,
  national: boolean,
): Promise<Measurement[]> {
  const db = dataset.database.db;
  const today = todayInVietnam(new Date());
  // The tasks are the scale's own (`seedScaleTasks`, asked for by the suite): one loader for the
  // seed command and the benchmarks.
  const { rows: totals } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tasks`.execute(db);
  const loaded = { total: totals[0]?.n ?? 0 };
  // The province measured: the one with the most tasks.
  const { rows: provinces } = await sql<{ id: number; name: string; path: string; tasks: number }>`
    SELECT r.id, r.name, r.path::text AS path, count(t.id)::int AS tasks
    FROM organisations r JOIN tasks t ON t.org_path <@ r.path
    WHERE r.parent_id IS NULL GROUP BY r.id ORDER BY count(t.id) DESC LIMIT 1`.execute(db);
  const province = provinces[0];
  if (!province) throw new Error("no tasks in this dataset");
  const results: Measurement[] = [];
  const provinceTarget = dataset.label === "postgres" ? 100 : 400;

  // The province: dashboard, roll-up, and the baseline.
  const bare = await bareCounts(dataset, [province.path], today);
  const baseline = await time(() => bareCounts(dataset, [province.path], today), ITERATIONS, 3);
  const dashboardUrl = `/api/task-dashboard?orgId=${province.id}`;
  const dashboard = (await fixture.get(fixture.admin, dashboardUrl)) as TaskDashboard;
  sameCounts(`dashboard at ${province.name}`, dashboard.figures.counts, bare);
  await sameDashboardParts(dataset, `dashboard at ${province.name}`, dashboard, [province.path]);
  const rollupUrl = `/api/task-rollup?orgId=${province.id}`;
  const rollup = (await fixture.get(fixture.admin, rollupUrl)) as TaskRollup;
  sameCounts(`roll-up at ${province.name}`, rollup.figures.counts, bare);
  taskRollupNotes.push(
    `${dataset.label}: ${loaded.total.toLocaleString("en")} tasks in the database; ${province.name}: ${province.tasks.toLocaleString("en")} tasks, ${dashboard.figures.counts.total.toLocaleString("en")} leaves counted (${dashboard.figures.counts.overdue.toLocaleString("en")} overdue, ${(dashboard.figures.counts.done_on_time + dashboard.figures.counts.done_late).toLocaleString("en")} done), ${rollup.groups.length} groups.`,
  );
  const label = `${province.name} (${province.tasks.toLocaleString("en")} tasks)`;
  results.push(
    measurement(
      `dashboard at ${label}: GET /api/task-dashboard`,
      dataset.label,
      await time(() => fixture.get(fixture.admin, dashboardUrl), ITERATIONS, 3),
      "bare count by status",
      baseline,
      provinceTarget,
    ),
    measurement(
      `roll-up at ${label}: GET /api/task-rollup`,
      dataset.label,
      await time(() => fixture.get(fixture.admin, rollupUrl), ITERATIONS, 3),
      "bare count by status",
      baseline,
      provinceTarget,
    ),
  );

  // Drill-down into the province's largest commune.
  const commune = [...rollup.groups].sort((a, b) => b.figures.counts.total - a.figures.counts.total)[0];
  if (commune && !commune.isSelf) {
    const { rows: paths } = await sql<{ path: string }>`
      SELECT path::text AS path FROM organisations WHERE id = ${commune.orgId}`.execute(db);
    const communePath = paths[0]?.path ?? "";
    const communeUrl = `/api/task-rollup?orgId=${commune.orgId}`;
    const drilled = (await fixture.get(fixture.admin, communeUrl)) as TaskRollup;
    sameCounts(
      `roll-up at ${commune.orgName}`,
      drilled.figures.counts,
      await bareCounts(dataset, [communePath], today),
    );
    results.push(
      measurement(
        `roll-up at ${commune.orgName} (${commune.figures.counts.total.toLocaleString("en")} leaves)`,
        dataset.label,
        await time(() => fixture.get(fixture.admin, communeUrl), ITERATIONS, 3),
        "bare count by status",
        await time(() => bareCounts(dataset, [communePath], today), ITERATIONS, 3),
        provinceTarget,
      ),
    );
  }

  // The .xlsx export of the province's roll-up (every overdue task listed, up to 20,000).
  const exportUrl = `/api/task-rollup/export?orgId=${province.id}`;
  results.push(
    measurement(
      `roll-up export at ${province.name} (.xlsx)`,
      dataset.label,
      await time(
        async () => {
          const response = await fixture.app.inject({
            method: "GET",
            url: exportUrl,
            headers: { cookie: fixture.admin.cookie },
          });
          if (response.statusCode !== 200) throw new Error(`GET ${exportUrl}: ${response.statusCode}`);
        },
        5,
        1,
      ),
      "bare count by status",
      baseline,
      null,
    ),
  );

  // The whole country: the administrator's whole scope (every top organisation).
  if (national) {
    const { rows: roots } = await sql<{ path: string }>`
      SELECT path::text AS path FROM organisations WHERE parent_id IS NULL AND status = 'active'`.execute(db);
    const rootPaths = roots.map((row) => row.path);
    const bareAll = await bareCounts(dataset, rootPaths, today);
    const whole = (await fixture.get(fixture.admin, "/api/task-dashboard")) as TaskDashboard;
    sameCounts("dashboard of the whole country", whole.figures.counts, bareAll);
    await sameDashboardParts(dataset, "dashboard of the whole country", whole, rootPaths);
    const baselineAll = await time(() => bareCounts(dataset, rootPaths, today), 5, 1);
    const target = dataset.label === "postgres" ? 300 : null;
    results.push(
      measurement(
        `dashboard of the whole country (${whole.figures.counts.total.toLocaleString("en")} leaves): GET /api/task-dashboard`,
        dataset.label,
        await time(() => fixture.get(fixture.admin, "/api/task-dashboard"), 10, 1),
        "bare count by status",
        baselineAll,
        target,
      ),
      measurement(
        "roll-up of the whole country: GET /api/task-rollup",
        dataset.label,
        await time(() => fixture.get(fixture.admin, "/api/task-rollup"), 10, 1),
        "bare count by status",
        baselineAll,
        target,
      ),
    );
  }

  results.push(await reportToRollup(dataset, fixture, province, rollupUrl, baseline));
  // The reports just submitted await review: the precomputed parts must have followed them.
  await sameDashboardParts(
    dataset,
    `dashboard at ${province.name} after the reports`,
    (await fixture.get(fixture.admin, dashboardUrl)) as TaskDashboard,
    [province.path],
  );
  return results;
}

/**
 * A progress report reaching the province's roll-up: a leaf task of a cell, reported once, is reported
 * done (100%) through the route; the province's roll-up read right after must count one more done.
 */
async function reportToRollup(
  dataset: Dataset,
  fixture: AppFixture,
  province: { path: string; name: string },
  rollupUrl: string,
  baseline: Awaited<ReturnType<typeof time>>,
): Promise<Measurement> {
  const { rows: candidates } = await sql<{ id: number }>`
    SELECT t.id FROM tasks t
    WHERE t.org_path <@ ${province.path}::ltree AND NOT t.has_children AND t.state = 'active'
      AND t.completed_on IS NULL AND t.schedule = 'once' AND t.report_frequency IS NULL
      AND t.due_date >= current_date AND t.start_date <= current_date - 1 AND nlevel(t.org_path) >= 3
      AND NOT EXISTS (SELECT 1 FROM task_reports r WHERE r.task_id = t.id AND r.period_key = 'final')
    ORDER BY t.id LIMIT 12`.execute(dataset.database.db);
  const done = (counts: TaskStatusCounts) => counts.done_on_time + counts.done_late;
  const first = (await fixture.get(fixture.admin, rollupUrl)) as TaskRollup;
  let expected = done(first.figures.counts);
  let index = 0;
  const timing = await time(
    async () => {
      const task = candidates[index++];
      if (!task) throw new Error("no task left to report on");
      const response = await fixture.app.inject({
        method: "POST",
        url: `/api/tasks/${task.id}/reports`,
        headers: { cookie: fixture.admin.cookie, "x-csrf-token": fixture.admin.csrfToken },
        payload: { periodKey: "final", percent: 100, narrative: "Đã hoàn thành (benchmark)." },
      });
      if (response.statusCode !== 201)
        throw new Error(
          `POST report on task ${task.id}: ${response.statusCode} ${response.body.slice(0, 300)}`,
        );
      const after = (await fixture.get(fixture.admin, rollupUrl)) as TaskRollup;
      expected += 1;
      if (done(after.figures.counts) !== expected)
        throw new Error(`the report on task ${task.id} did not show in ${province.name}'s roll-up`);
    },
    10,
    2,
  );
  return measurement(
    `a progress report (POST /api/tasks/:id/reports) shown in ${province.name}'s roll-up (submit + read)`,
    dataset.label,
    timing,
    "bare count by status",
    baseline,
    2000,
  );
}
