import { TASK_STATUSES, type TaskStatusFacts, taskStatus, todayInVietnam } from "@namro/domain";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressMismatches } from "../../test/task-seed-checks.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { taskVisibleSql } from "../modules/tasks/tasks.visibility.ts";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "./demo-seed.ts";
import { DEMO_TASK_PLANS } from "./demo-tasks.ts";

const quiet = () => {};
/** The seed's moment: the demo's dates follow it, so two seeds of it are identical. */
const NOW = new Date("2026-11-22T03:00:00Z");
const TODAY = todayInVietnam(NOW);

async function snapshot(db: Kysely<Database>) {
  const { rows: tasks } = await sql`
    SELECT t.title, o.code AS owner, l.code AS lead, t.start_date::text, t.due_date::text, t.state, t.target_value::text,
      t.progress_percent::text, t.completed_on::text, t.missing_clears, t.responsible_name, t.tree_path::text
    FROM tasks t JOIN organisations o ON o.id = t.owner_org_id LEFT JOIN organisations l ON l.id = t.lead_org_id
    ORDER BY t.id`.execute(db);
  const { rows: reports } = await sql`
    SELECT task_id, period_key, percent::text, status, return_reason, submitted_at::text, md5(narrative) AS narrative
    FROM task_reports ORDER BY id`.execute(db);
  return { tasks, reports };
}

describe("demo tasks", () => {
  const handles: DatabaseHandle[] = [];
  let testApp: TestApp;
  let db: Kysely<Database>;

  beforeAll(async () => {
    // The app's clock is the seed's moment, so statuses are those of the seed's day.
    testApp = await createTestApp({ now: NOW.toISOString() });
    db = testApp.database.db;
    await seedDemoIfEmpty(db, quiet, NOW);
  });
  afterAll(async () => {
    await testApp.close();
    for (const handle of handles) await handle.close();
  });

  it("cascades a few thousand tasks of the two plans to the communes and on to cells, the Party-building plan weighted", async () => {
    const { rows } = await sql<{ level: number; n: number }>`
      SELECT nlevel(tree_path)::int AS level, count(*)::int AS n FROM tasks GROUP BY 1 ORDER BY 1`.execute(
      db,
    );
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBeGreaterThan(2000);
    expect(total).toBeLessThan(8000);
    expect(rows.map((row) => row.level)).toEqual([1, 2, 3]);
    const { rows: plans } = await sql<{ symbol: string; tasks: number; formula: string | null }>`
      SELECT d.symbol, count(t.id)::int AS tasks, p.progress_formula AS formula
      FROM documents d JOIN tasks t ON t.plan_document_id = d.id LEFT JOIN task_plans p ON p.document_id = d.id
      GROUP BY d.symbol, p.progress_formula ORDER BY d.symbol`.execute(db);
    expect(plans.map((p) => [p.symbol, p.formula])).toEqual([
      [DEMO_TASK_PLANS.building, "weighted"],
      [DEMO_TASK_PLANS.kl21, null],
    ]);
    // A divided target adds up: 2,100 members to admit, over the communes and then over the cells.
    const { rows: sums } = await sql<{ target: number; children: number }>`
      SELECT p.target_value::float8 AS target, sum(c.target_value)::float8 AS children
      FROM tasks p JOIN tasks c ON c.parent_id = p.id
      WHERE p.target_unit = 'đảng viên' GROUP BY p.id, p.target_value`.execute(db);
    expect(sums.length).toBeGreaterThan(3);
    for (const row of sums) expect(row.children).toBe(row.target);
    // Reports: history over past periods, some awaiting review, some returned with a reason, evidence.
    const { rows: reports } = await sql<{ status: string; n: number; reasons: number }>`
      SELECT status, count(*)::int AS n, count(return_reason)::int AS reasons FROM task_reports GROUP BY status ORDER BY status`.execute(
      db,
    );
    expect(reports.map((r) => r.status)).toEqual(["accepted", "returned", "submitted"]);
    expect(reports.find((r) => r.status === "returned")?.reasons).toBe(
      reports.find((r) => r.status === "returned")?.n,
    );
    const { rows: files } = await sql<{ n: number; bad: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE size_bytes <> octet_length(content))::int AS bad FROM task_report_files`.execute(
      db,
    );
    expect(files[0]?.n).toBeGreaterThan(20);
    expect(files[0]?.bad).toBe(0);
    const { rows: late } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM task_reports WHERE submitted_at > ${NOW.toISOString()}::timestamptz`.execute(
      db,
    );
    expect(late[0]?.n).toBe(0);
    // One audit row for the tasks.
    const audit = await db
      .selectFrom("auditLog")
      .select("action")
      .where("entityId", "=", "demo_tasks")
      .execute();
    expect(audit).toEqual([{ action: "seed.demo" }]);
  });

  it("keeps every task's progress what its reports and its children say", async () => {
    const { mismatches, parents } = await progressMismatches(db);
    expect(mismatches).toEqual([]);
    expect(parents).toBeGreaterThan(100);
  });

  it("spreads the tasks over all seven statuses on the seed's day, a few lacking a clear", async () => {
    // The domain's rule, on the stored rows.
    const { rows } = await sql<TaskStatusFacts>`
      SELECT state, schedule, report_frequency, start_date::text AS start_date, due_date::text AS due_date,
        (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS created_on, completed_on::text AS completed_on,
        progress_percent::float8 AS progress_percent, last_reported_period_end::text AS last_reported_period_end
      FROM tasks`.execute(db);
    const statuses = Map.groupBy(rows, (row) => taskStatus(row, TODAY));
    for (const status of TASK_STATUSES) expect(statuses.get(status)?.length ?? 0, status).toBeGreaterThan(0);
    const { rows: clears } = await sql<{ lacking: number; total: number }>`
      SELECT count(*) FILTER (WHERE cardinality(missing_clears) > 0)::int AS lacking, count(*)::int AS total FROM tasks`.execute(
      db,
    );
    expect(clears[0]?.lacking).toBeGreaterThan(5);
    expect(clears[0]?.lacking).toBeLessThan((clears[0]?.total ?? 0) * 0.1);
    const milestones = await sql<{
      n: number;
    }>`SELECT count(DISTINCT task_id)::int AS n FROM task_milestones`.execute(db);
    expect(milestones.rows[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it("gives the commune, cell and member accounts of the demo their tasks", async () => {
    for (const username of ["tanhung", "bithu.tanhung", "phuong.kinhbac", "bithu.chibo", "dangvien"]) {
      const { rows: account } = await sql<{ id: number; paths: string[] }>`
        SELECT a.id::int, array_agg(o.path::text) AS paths FROM accounts a
        JOIN role_assignments r ON r.account_id = a.id JOIN organisations o ON o.id = r.org_id
        WHERE a.username = ${username} GROUP BY a.id`.execute(db);
      const scope = { accountId: account[0]?.id ?? 0, readPaths: account[0]?.paths ?? [] };
      const { rows } = await sql<{ visible: number; own: number }>`
        SELECT count(*)::int AS visible, count(*) FILTER (WHERE t.responsible_account_id = ${scope.accountId})::int AS own
        FROM tasks t WHERE ${taskVisibleSql("t", scope)}`.execute(db);
      expect(rows[0]?.visible, username).toBeGreaterThan(5);
      expect(rows[0]?.own, username).toBeGreaterThan(0);
    }
  });

  // Seeds a second demo: allowed longer than the default per-test limit on a busy machine.
  it("lists the demo commune's, cell's and member's own tasks to them through the app, and hides another commune's", async () => {
    const other = await sql<{ id: number }>`
      SELECT t.id::int FROM tasks t JOIN organisations o ON o.id = t.lead_org_id
      WHERE o.code = 'BN-002' AND t.parent_id IS NOT NULL LIMIT 1`.execute(db);
    for (const username of ["tanhung", "bithu.chibo", "dangvien"]) {
      const session = await testApp.signIn(username, DEMO_PASSWORD);
      const mine = await testApp.call(session, { method: "GET", url: "/api/tasks?mine=true&pageSize=5" });
      expect(mine.statusCode, username).toBe(200);
      const page = mine.json() as { total: number; items: { id: number; status: string }[] };
      expect(page.total, username).toBeGreaterThan(0);
      const detail = await testApp.call(session, { method: "GET", url: `/api/tasks/${page.items[0]?.id}` });
      expect(detail.statusCode, username).toBe(200);
      const hidden = await testApp.call(session, { method: "GET", url: `/api/tasks/${other.rows[0]?.id}` });
      expect(hidden.statusCode, username).toBe(404);
    }
  });

  it("shows the province office roll-ups with every status: the province, and the weighted plan by commune", async () => {
    const session = await testApp.signIn("vanphong", DEMO_PASSWORD);
    type Rollup = {
      figures: { counts: Record<string, number>; progress: { value: number | null } };
      groups: { orgTypeCode: string; figures: { counts: { total: number } } }[];
    };
    const province = await testApp.call(session, { method: "GET", url: "/api/task-rollup" });
    expect(province.statusCode).toBe(200);
    const whole = province.json() as Rollup;
    for (const status of TASK_STATUSES) expect(whole.figures.counts[status], status).toBeGreaterThan(0);
    const plan = await db
      .selectFrom("documents")
      .select("id")
      .where("symbol", "=", DEMO_TASK_PLANS.building)
      .executeTakeFirstOrThrow();
    const response = await testApp.call(session, {
      method: "GET",
      url: `/api/task-rollup?planId=${plan.id}`,
    });
    expect(response.statusCode).toBe(200);
    const rollup = response.json() as Rollup;
    for (const status of TASK_STATUSES) expect(rollup.figures.counts[status], status).toBeGreaterThan(0);
    expect(rollup.figures.progress.value).toBeGreaterThan(0);
    const communes = rollup.groups.filter((g) => g.orgTypeCode === "dang_uy_xa");
    expect(communes).toHaveLength(60);
    expect(communes.every((g) => g.figures.counts.total > 0)).toBe(true);
  });

  it("writes the same tasks and reports in a fresh database seeded at the same moment", {
    timeout: 180_000,
  }, async () => {
    const handle = await openTestDatabase();
    handles.push(handle);
    await seedDemoIfEmpty(handle.db, quiet, NOW);
    const [first, second] = [await snapshot(db), await snapshot(handle.db)];
    expect(second.tasks.length).toBeGreaterThan(2000);
    expect(second).toEqual(first);
  });
});
