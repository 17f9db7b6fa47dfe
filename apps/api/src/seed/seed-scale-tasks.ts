// The five-clears tasks of a bulk scale, province by province (scale-tasks.ts plans one province, the
// set-based loader writes it): ~200,000 in the demo province at scale "province", ~5,000,000 across the
// country at scale "national" (each other province's share by its communes). Each province is one
// transaction recorded in system_settings, so an interrupted run continues where it stopped and a
// finished one adds nothing. The demo's own tasks are seeded first when an older demo lacks them.
import { todayInVietnam } from "@namro/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import { DEMO_ROOT_CODE, DEMO_SETTING_KEY } from "./demo-seed.ts";
import { DEMO_TASKS_KEY, seedDemoTasks } from "./demo-tasks.ts";
import {
  DEFAULT_SCALE_TASK_OPTIONS,
  planScaleTasks,
  type ScalePlanDoc,
  type ScaleTaskOrgs,
} from "./scale-tasks.ts";
import { loadPlannedTasks } from "./tasks-bulk.ts";
import { PROVINCES } from "./vietnamese-names.ts";

export const TASKS_PROGRESS_PREFIX = "seed_tasks:";
/** Tasks added to the demo province at scale "province". */
export const PROVINCE_SCALE_TASKS = 200_000;
/** Tasks across the country at scale "national" (the demo province's included). */
export const NATIONAL_SCALE_TASKS = 5_000_000;

export interface ScaleTaskCounts {
  /** Tasks in the demo province (scale "province" and "national"). */
  province: number;
  /** Tasks across the country (scale "national"). */
  national: number;
  cellShare?: number;
  historyShare?: number;
}

export const SCALE_TASK_COUNTS: ScaleTaskCounts = {
  province: PROVINCE_SCALE_TASKS,
  national: NATIONAL_SCALE_TASKS,
};

export interface ScaleTasksResult {
  tasks: number;
  reports: number;
  provincesSkipped: number;
}

async function isRecorded(db: Kysely<Database> | Transaction<Database>, key: string): Promise<boolean> {
  const row = await db.selectFrom("systemSettings").select("key").where("key", "=", key).executeTakeFirst();
  return row !== undefined;
}

/** The province's departments, communes and each commune's own cells. */
async function scaleTaskOrgs(trx: Transaction<Database>, code: string): Promise<ScaleTaskOrgs | null> {
  const root = await trx
    .selectFrom("organisations")
    .select(["id", "code", "path"])
    .where("code", "=", code)
    .where("parentId", "is", null)
    .executeTakeFirst();
  if (!root) return null;
  const { rows } = await sql<{ id: number; path: string; code: string; typeCode: string; parentId: number }>`
    SELECT o.id, o.path::text AS path, o.code, o.type_code, o.parent_id
    FROM organisations o
    WHERE o.path <@ ${root.path}::ltree AND o.status = 'active' AND nlevel(o.path) = nlevel(${root.path}::ltree) + 2
      AND o.type_code IN ('chi_bo_co_so', 'chi_bo_truc_thuoc')
    UNION ALL
    SELECT o.id, o.path::text, o.code, o.type_code, o.parent_id FROM organisations o
    WHERE o.parent_id = ${root.id} AND o.status = 'active'
    ORDER BY id`.execute(trx);
  const cellsOf = Map.groupBy(
    rows.filter((row) => row.typeCode.startsWith("chi_bo") && Number(row.parentId) !== Number(root.id)),
    (row) => Number(row.parentId),
  );
  const ref = (row: { id: number; path: string }) => ({ id: Number(row.id), path: row.path });
  const children = rows.filter((row) => Number(row.parentId) === Number(root.id));
  return {
    root: { id: Number(root.id), code: root.code, path: root.path },
    departments: children.filter((row) => /-(VP|BTC|UBKT|BTGDV)$/.test(row.code)).map(ref),
    communes: children
      .filter((row) => row.typeCode === "dang_uy_xa")
      .map((row) => ({ ...ref(row), code: row.code, cells: (cellsOf.get(Number(row.id)) ?? []).map(ref) })),
  };
}

/** The province's own plans (KH, CTr, ĐA) that hold no tasks yet (the demo's two hold the demo's). */
async function provincePlans(trx: Transaction<Database>, rootId: number): Promise<ScalePlanDoc[]> {
  const { rows } = await sql<{ id: number; issuedOn: string }>`
    SELECT d.id, d.issued_on::text AS issued_on FROM documents d
    WHERE d.issuing_org_id = ${rootId} AND d.type_abbreviation IN ('KH', 'CTr', 'ĐA') AND d.issued_on IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.plan_document_id = d.id)
    ORDER BY d.issued_on DESC, d.id LIMIT 40`.execute(trx);
  return rows.map((row) => ({ id: Number(row.id), issuedOn: row.issuedOn }));
}

async function seedProvinceTasks(
  db: Kysely<Database>,
  code: string,
  total: number,
  counts: ScaleTaskCounts,
  today: string,
): Promise<{ tasks: number; reports: number } | "recorded" | "no_organisations"> {
  const key = `${TASKS_PROGRESS_PREFIX}${code}`;
  return db.transaction().execute(async (trx) => {
    // A second seeder on the same database waits here, then finds the province done.
    await sql`LOCK TABLE tasks IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    if (await isRecorded(trx, key)) return "recorded";
    const orgs = await scaleTaskOrgs(trx, code);
    if (!orgs) return "no_organisations";
    const plan = planScaleTasks(orgs, await provincePlans(trx, orgs.root.id), {
      total,
      today,
      cellShare: counts.cellShare ?? DEFAULT_SCALE_TASK_OPTIONS.cellShare,
      historyShare: counts.historyShare ?? DEFAULT_SCALE_TASK_OPTIONS.historyShare,
    });
    const loaded = await loadPlannedTasks(trx, plan);
    const done = { tasks: loaded.tasks, reports: loaded.reports };
    await trx
      .insertInto("systemSettings")
      .values({ key, value: JSON.stringify({ ...done, today }) })
      .execute();
    await recordAudit(
      trx,
      SYSTEM_AUDIT_CONTEXT,
      { action: "seed.bulk", entityType: "system", entityId: key, orgId: orgs.root.id, after: done },
      new Date(),
    );
    return done;
  });
}

/** A database whose demo was seeded before tasks existed gets the demo's tasks first. */
async function ensureDemoTasks(db: Kysely<Database>, log: (message: string) => void): Promise<void> {
  const setting = await db
    .selectFrom("systemSettings")
    .select("value")
    .where("key", "=", DEMO_SETTING_KEY)
    .executeTakeFirst();
  const value = (typeof setting?.value === "string" ? JSON.parse(setting.value) : setting?.value) as
    | { demoCell?: string }
    | undefined;
  if (!value?.demoCell) return;
  const seeded = await db
    .selectFrom("auditLog")
    .select("id")
    .where("entityId", "=", DEMO_TASKS_KEY)
    .executeTakeFirst();
  if (seeded) return;
  const now = new Date();
  const done = await db
    .transaction()
    .execute((trx) => seedDemoTasks(trx, value.demoCell as string, todayInVietnam(now), now));
  log(`Tỉnh ủy Bắc Ninh: ${done.tasks} nhiệm vụ mẫu (demo tasks added)`);
}

/** How many tasks each province of the scale gets: the demo province its own, the others by communes. */
async function provinceShares(
  db: Kysely<Database>,
  scale: "province" | "national",
  counts: ScaleTaskCounts,
): Promise<{ code: string; name: string; total: number }[]> {
  const demo = { code: DEMO_ROOT_CODE, name: "Bắc Ninh", total: counts.province };
  if (scale === "province") return [demo];
  const others = PROVINCES.filter((p) => p.code !== DEMO_ROOT_CODE);
  const { rows } = await sql<{ code: string; communes: number }>`
    SELECT r.code, count(c.id)::int AS communes FROM organisations r
    JOIN organisations c ON c.parent_id = r.id AND c.type_code = 'dang_uy_xa' AND c.status = 'active'
    WHERE r.parent_id IS NULL GROUP BY r.code`.execute(db);
  const communes = new Map(rows.map((row) => [row.code, row.communes]));
  const weightOf = (code: string, planned: number) => communes.get(code) ?? planned;
  const sum = others.reduce((acc, p) => acc + weightOf(p.code, p.communes), 0);
  const rest = Math.max(0, counts.national - counts.province);
  return [
    demo,
    ...others.map((p) => ({
      code: p.code,
      name: p.name,
      total: Math.round((rest * weightOf(p.code, p.communes)) / Math.max(1, sum)),
    })),
  ];
}

/**
 * The tasks of `scale`, one transaction per province, one line of progress each. The organisations
 * (and, for plans, the register) must be there (seedScale).
 */
export async function seedScaleTasks(
  db: Kysely<Database>,
  scale: "province" | "national",
  log: (message: string) => void,
  counts: ScaleTaskCounts = SCALE_TASK_COUNTS,
): Promise<ScaleTasksResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  await ensureDemoTasks(db, log);
  const today = todayInVietnam(new Date());
  const result: ScaleTasksResult = { tasks: 0, reports: 0, provincesSkipped: 0 };
  const provinces = await provinceShares(db, scale, counts);
  for (const [i, province] of provinces.entries()) {
    const label = `[${i + 1}/${provinces.length}] ${province.name}`;
    const done = await seedProvinceTasks(db, province.code, province.total, counts, today);
    if (done === "recorded") {
      result.provincesSkipped++;
      log(`${label}: nhiệm vụ đã có, bỏ qua (tasks already there, skipped)`);
      continue;
    }
    if (done === "no_organisations") {
      log(`${label}: chưa có tổ chức, bỏ qua nhiệm vụ (no organisations yet, tasks skipped)`);
      continue;
    }
    result.tasks += done.tasks;
    result.reports += done.reports;
    log(
      `${label}: ${done.tasks} nhiệm vụ, ${done.reports} báo cáo tiến độ (tasks, progress reports) — ${elapsed()}`,
    );
  }
  if (result.tasks > 0) await sql`ANALYZE tasks, task_reports, task_supports`.execute(db);
  return result;
}
