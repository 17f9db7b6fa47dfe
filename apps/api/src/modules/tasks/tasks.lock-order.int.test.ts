// Writers that change a task and then refresh the figures above it (a new child, an edit, a state
// change, a cascade) lock the task's path root first in id order — the order a report locks it — so a
// report on a sibling and such a change wait for each other instead of deadlocking (PostgreSQL 40P01,
// which the API answers 409 CONCURRENT_UPDATE). Each case holds the task in a third transaction while
// the writer and then the report queue behind it, then lets them go: both must succeed.
import type { TaskDetail } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { TaskRow } from "../../db/schema.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let provinceStaff: TestSession;
let communeStaff: TestSession;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-20T03:00:00Z" });
  p = await createProvince(t.database.db);
  provinceStaff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: p.communeA.id }]);
});
afterAll(async () => {
  await t.close();
});

/** R (the province's) → X (led by commune A) → Y (a cell's, which commune A reports). */
async function tree(): Promise<{ x: TaskRow; y: TaskRow }> {
  const spec = { owner: p.province, lead: p.communeA, startDate: "2026-01-01", dueDate: "2026-12-31" };
  const r = await createTask(t.database.db, spec);
  const x = await createTask(t.database.db, { ...spec, parent: r });
  const y = await createTask(t.database.db, { ...spec, owner: p.communeA, lead: p.communeA, parent: x });
  return { x: { ...x, hasChildren: true }, y };
}

/** Requests of this test database waiting for a lock (PostgreSQL only; PGlite runs one at a time). */
async function waitForLockWaiters(count: number): Promise<void> {
  if (t.database.kind === "embedded") return;
  for (;;) {
    const { rows } = await sql<{ waiting: number }>`SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.database.db);
    if ((rows[0]?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Holds X locked, starts the writer, then a report on Y behind it, releases X: the writer had X and
 * would next want the root the report already holds, unless it locked the path first.
 */
async function raceWithReport(
  x: TaskRow,
  y: TaskRow,
  writer: () => Promise<{ statusCode: number; body: string }>,
  reportRefusal?: string,
) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = t.database.db.transaction().execute(async (trx) => {
    await sql`SELECT id FROM tasks WHERE id = ${x.id} FOR UPDATE`.execute(trx);
    locked();
    await held;
  });
  await isLocked;
  const written = writer();
  await waitForLockWaiters(1);
  const reported = t.call(communeStaff, {
    method: "POST",
    url: `/api/tasks/${y.id}/reports`,
    payload: { periodKey: "final", percent: 40, narrative: "Đã triển khai." },
  });
  await waitForLockWaiters(2);
  release();
  await holder;
  const [write, report] = await Promise.all([written, reported]);
  expect(write.statusCode, write.body).toBeLessThan(300);
  // the report went in, or was refused for what the writer did first (never a 409 to try again, or a 500)
  if (reportRefusal !== undefined && report.statusCode !== 201) {
    expect(report.json().error.code, report.body).toBe(reportRefusal);
    return;
  }
  expect(report.statusCode, report.body).toBe(201);
  // the report counted in X's figures whichever went first
  const after = await t.database.db
    .selectFrom("tasks")
    .selectAll()
    .where("id", "=", x.id)
    .executeTakeFirstOrThrow();
  expect(Number(after.progressPercent)).toBeGreaterThan(0);
}

const detail = async (id: number) =>
  (await t.call(provinceStaff, { method: "GET", url: `/api/tasks/${id}` })).json() as TaskDetail;

describe("a change to a task and a report under it, at the same moment", () => {
  it("adding a child to X", async () => {
    const { x, y } = await tree();
    await raceWithReport(x, y, () =>
      t.call(communeStaff, {
        method: "POST",
        url: "/api/tasks",
        payload: { title: "Việc thêm", ownerOrgId: p.communeA.id, parentId: x.id },
      }),
    );
  });

  it("editing X's weight", async () => {
    const { x, y } = await tree();
    const { version } = await detail(x.id);
    await raceWithReport(x, y, () =>
      t.call(provinceStaff, { method: "PATCH", url: `/api/tasks/${x.id}`, payload: { version, weight: 3 } }),
    );
  });

  it("pausing X", async () => {
    const { x, y } = await tree();
    const { version } = await detail(x.id);
    await raceWithReport(
      x,
      y,
      () =>
        t.call(provinceStaff, {
          method: "POST",
          url: `/api/tasks/${x.id}/state`,
          payload: { state: "paused", reason: "Chờ kinh phí", version },
        }),
      "TASK_REPORT_TASK_PAUSED",
    );
  });

  it("cascading X to another cell", async () => {
    const { x, y } = await tree();
    const { version } = await detail(x.id);
    await raceWithReport(x, y, () =>
      t.call(communeStaff, {
        method: "POST",
        url: `/api/tasks/${x.id}/cascade`,
        payload: { version, selection: { kind: "orgs", orgIds: [p.cellA.id] }, division: { mode: "none" } },
      }),
    );
  });
});
