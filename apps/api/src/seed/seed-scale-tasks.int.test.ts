import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressMismatches } from "../../test/task-seed-checks.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { loadPlannedOrgs } from "./bulk-load.ts";
import { seedDemoIfEmpty } from "./demo-seed.ts";
import { planProvince } from "./province-plan.ts";
import { type ScaleTaskCounts, seedScaleTasks } from "./seed-scale-tasks.ts";
import { PROVINCES } from "./vietnamese-names.ts";

const quiet = () => {};
/** The scales' shape at a size a test can afford. */
const SMALL: ScaleTaskCounts = { province: 3_000, national: 4_000 };
const SECOND = PROVINCES.find((p) => p.code !== "BN") ?? PROVINCES[0];

async function counts(db: DatabaseHandle["db"]) {
  const { rows } = await sql<{ tasks: number; reports: number; settings: number }>`
    SELECT (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM task_reports) AS reports,
      (SELECT count(*)::int FROM system_settings WHERE key LIKE 'seed_tasks:%') AS settings`.execute(db);
  return rows[0] as { tasks: number; reports: number; settings: number };
}

describe("bulk tasks (seedScaleTasks)", () => {
  let handle: DatabaseHandle;
  let demoTasks = 0;

  beforeAll(async () => {
    handle = await openTestDatabase();
    await seedDemoIfEmpty(handle.db, quiet);
    demoTasks = (await counts(handle.db)).tasks;
    // A second, tiny province of the national shape: two communes with a few cells each.
    if (!SECOND) throw new Error("no second province");
    const plan = planProvince({
      province: SECOND,
      communes: [
        { name: "Thử Nhất", kind: "xa" },
        { name: "Thử Hai", kind: "phuong" },
      ],
      density: {
        villageCells: [3, 4],
        grassrootsCells: [1, 1],
        grassrootsCommittees: [0, 0],
        committeeCells: [0, 0],
        agencyCommittees: 0,
      },
      rootValidFrom: "2025-07-01",
      agenciesValidFrom: "2025-07-01",
      communesValidFrom: "2025-07-01",
    });
    await handle.db.transaction().execute((trx) => loadPlannedOrgs(trx, plan.orgs, null, "test"));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("loads the province's tasks once, consistent with their reports and children; running it again adds nothing", async () => {
    const lines: string[] = [];
    const first = await seedScaleTasks(handle.db, "province", (line) => lines.push(line), SMALL);
    expect(first.tasks).toBeGreaterThan(SMALL.province * 0.6);
    expect(first.tasks).toBeLessThan(SMALL.province * 1.6);
    expect(lines.some((line) => line.startsWith("[1/1] Bắc Ninh:") && line.includes("nhiệm vụ"))).toBe(true);
    const after = await counts(handle.db);
    expect(after.tasks).toBe(demoTasks + first.tasks);
    expect(after.reports).toBeGreaterThan(first.tasks * 0.5);
    // Report history for a share of the leaves: most keep one report at most.
    const { rows: history } = await sql<{ many: number; leaves: number }>`
      SELECT count(*) FILTER (WHERE n > 1)::int AS many, count(*)::int AS leaves FROM (
        SELECT t.id, count(r.id) AS n FROM tasks t LEFT JOIN task_reports r ON r.task_id = t.id
        WHERE NOT t.has_children AND t.id > (SELECT max(id) FROM tasks) - ${first.tasks} GROUP BY t.id) x`.execute(
      handle.db,
    );
    expect(history[0]?.many).toBeLessThan((history[0]?.leaves ?? 0) * 0.35);
    expect(history[0]?.many).toBeGreaterThan(0);

    const { mismatches, parents } = await progressMismatches(handle.db);
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(parents).toBeGreaterThan(60);
    // The cascade reaches every commune of the province and cells under some of them.
    const { rows: levels } = await sql<{ level: number; n: number }>`
      SELECT nlevel(tree_path)::int AS level, count(*)::int AS n FROM tasks GROUP BY 1 ORDER BY 1`.execute(
      handle.db,
    );
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3]);

    const again = await seedScaleTasks(handle.db, "province", quiet, SMALL);
    expect(again).toEqual({ tasks: 0, reports: 0, provincesSkipped: 1 });
    expect((await counts(handle.db)).tasks).toBe(after.tasks);
  });

  it("continues an interrupted national run where it stopped", async () => {
    const before = await counts(handle.db);
    // Interrupted after the first province of the run that loads something (the second province).
    const interrupted = seedScaleTasks(
      handle.db,
      "national",
      (line) => {
        if (line.includes(`${SECOND?.name}:`) && line.includes("báo cáo")) throw new Error("interrupted");
      },
      SMALL,
    );
    await expect(interrupted).rejects.toThrow("interrupted");
    const middle = await counts(handle.db);
    expect(middle.settings).toBe(before.settings + 1);
    expect(middle.tasks).toBeGreaterThan(before.tasks);

    const lines: string[] = [];
    const resumed = await seedScaleTasks(handle.db, "national", (line) => lines.push(line), SMALL);
    // Both loaded provinces are skipped; the others have no organisations in this database.
    expect(resumed.tasks).toBe(0);
    expect(resumed.provincesSkipped).toBe(2);
    expect(lines.filter((line) => line.includes("chưa có tổ chức"))).toHaveLength(PROVINCES.length - 2);
    expect(await counts(handle.db)).toEqual(middle);
    expect((await progressMismatches(handle.db)).mismatches.slice(0, 3)).toEqual([]);
  });
});
