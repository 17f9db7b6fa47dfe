// The precomputed roll-ups stay true: a writer's stale mark survives a reader refreshing meanwhile
// (migration 0023), the background job brings the rows to a new day before any reader (and does
// nothing while they are current), and the dashboard's plans missing clears keep a confidential plan's
// subject with the register.
import type { TaskDashboard, TaskRollup } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import { createBackgroundJobs } from "../../background-jobs.ts";
import type { OrganisationRow } from "../../db/schema.ts";
import { REFRESH_LOCK } from "./tasks.rollups.summary.repository.ts";

let t: TestApp;
let province: OrganisationRow;
let communeA: OrganisationRow;
let staff: TestSession;
let communeStaff: TestSession;
let secretPlan: number;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Quảng Trị", typeCode: "tinh_uy" });
  communeA = await createOrg(db, province, { name: "Đảng ủy xã Gio Linh", typeCode: "dang_uy_xa" });
  secretPlan = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KH",
      number: "31",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-01",
      subject: "Kế hoạch nhân sự mật",
      confidentiality: "secret",
    })
  ).id;
  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: communeA.id }]);
});

afterAll(async () => {
  await t?.close();
});

const call = (session: TestSession, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.call(session, { method, url, ...(payload ? { payload } : {}) });

async function newTask(title: string, extra: object = {}): Promise<{ id: number; version: number }> {
  const response = await call(staff, "POST", "/api/tasks", {
    title,
    ownerOrgId: province.id,
    leadOrgId: communeA.id,
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const counts = async () =>
  (await call(staff, "GET", `/api/task-rollup?orgId=${province.id}`)).json<TaskRollup>().figures.counts;

describe("the stale marks", () => {
  it("keep a writer's own mark when its organisation is already marked", async () => {
    const task = await newTask("Rà soát đảng viên");
    await counts(); // every mark consumed
    const marks = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM task_rollup_dirty WHERE org_id = ${communeA.id}`.execute(
          t.database.db,
        )
      ).rows[0]?.n;
    await sql`UPDATE tasks SET title = 'Rà soát đảng viên (1)' WHERE id = ${task.id}`.execute(t.database.db);
    await sql`UPDATE tasks SET title = 'Rà soát đảng viên (2)' WHERE id = ${task.id}`.execute(t.database.db);
    // Two writing statements, two marks: a reader deleting the first cannot take the second's with it.
    expect(await marks()).toBe(2);
    await counts();
    expect(await marks()).toBe(0);
  });

  // On PostgreSQL a reader refreshes while the writer is still open and must leave the writer's mark;
  // PGlite runs one transaction at a time, so there the reader waits for the writer and must see it.
  it("survive a reader arriving while the writer is still open", async () => {
    const a = await newTask("Họp chi bộ");
    const b = await newTask("Kết nạp đảng viên");
    const before = await counts();
    // A committed change marks the commune, as any report or edit does.
    expect(
      (
        await call(staff, "PATCH", `/api/tasks/${a.id}`, {
          version: a.version,
          title: "Họp chi bộ tháng 6",
        })
      ).statusCode,
    ).toBe(200);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote = () => {};
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const writer = t.database.db.transaction().execute(async (trx) => {
      await sql`UPDATE tasks SET state = 'cancelled', state_reason = 'Không còn phù hợp' WHERE id = ${b.id}`.execute(
        trx,
      );
      wrote();
      await held;
    });
    await written;
    if (process.env.NAMRO_TEST_DB === "postgres") {
      // The reader consumes the committed mark and recomputes without the open change.
      expect((await counts()).cancelled).toBe(before.cancelled);
      release();
      await writer;
    } else {
      // The reader queues behind the writer for the one connection.
      const reading = counts();
      release();
      await writer;
      expect((await reading).cancelled).toBe(before.cancelled + 1);
    }
    expect((await counts()).cancelled).toBe(before.cancelled + 1);
  });
});

/** Holds the refresh lock in a transaction of its own until `release` is called. */
async function holdRefreshLock(): Promise<{ release: () => Promise<void> }> {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  let end = () => {};
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const holder = t.database.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    open();
    await ended;
  });
  await opened;
  return {
    release: async () => {
      end();
      await holder;
    },
  };
}

const marksLeft = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM task_rollup_dirty`.execute(t.database.db)).rows[0]
    ?.n;

// On PostgreSQL another transaction holds the lock while the reader reads; PGlite runs one transaction
// at a time, so there the reader waits for the holder's connection and then finds the lock free.
describe("a reader while another transaction refreshes", () => {
  it("answers with the last refreshed rows when the rows are of today, and the next reader catches up", async () => {
    await newTask("Tổng kết công tác dân vận");
    const before = await counts(); // every mark consumed, the rows of today
    expect(await marksLeft()).toBe(0);
    await newTask("Kiểm điểm giữa nhiệm kỳ"); // committed, marks the commune
    const held = await holdRefreshLock();
    let released = false;
    try {
      if (process.env.NAMRO_TEST_DB === "postgres") {
        // Answered while the lock is still held (a reader that waited would never get here): the
        // rows as last refreshed, the new task's mark left for the next reader.
        expect(await counts()).toEqual(before);
        expect(await marksLeft()).toBeGreaterThan(0);
        released = true;
        await held.release();
      } else {
        const reading = counts();
        released = true;
        await held.release();
        expect(await reading).toEqual({
          ...before,
          total: before.total + 1,
          not_started: before.not_started + 1,
        });
      }
    } finally {
      if (!released) await held.release();
    }
    expect(await counts()).toEqual({
      ...before,
      total: before.total + 1,
      not_started: before.not_started + 1,
    });
    expect(await marksLeft()).toBe(0);
  });

  it("waits for the lock when the rows are of another day, and answers with today's", async () => {
    const db = t.database.db;
    const right = await counts();
    await sql`UPDATE task_rollup_state SET as_of = '2026-06-14'`.execute(db);
    await sql`UPDATE task_rollup_orgs SET overdue = overdue + 999`.execute(db);
    const held = await holdRefreshLock();
    let released = false;
    try {
      const reading = counts();
      if (process.env.NAMRO_TEST_DB === "postgres") {
        // The reader is queued on the lock (not answering with yesterday's rows) until it is released.
        for (;;) {
          const { rows } = await sql<{ waiting: number }>`
            SELECT count(*)::int AS waiting FROM pg_locks
            WHERE locktype = 'advisory' AND objid = ${REFRESH_LOCK} AND NOT granted`.execute(db);
          if (rows[0]?.waiting === 1) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      released = true;
      await held.release();
      expect(await reading).toEqual(right);
    } finally {
      if (!released) await held.release();
    }
    const { rows } = await sql<{ asOf: string }>`SELECT as_of::text AS "asOf" FROM task_rollup_state`.execute(
      db,
    );
    expect(rows[0]?.asOf).toBe("2026-06-15");
  });
});

describe("the roll-ups job", () => {
  it("rebuilds the rows for a new day before any reader, and does nothing while they are current", async () => {
    await newTask("Kiểm tra đảng viên", { dueDate: "2026-06-10" });
    const db = t.database.db;
    const right = await counts();
    // Rows left from yesterday with a figure no longer true.
    await sql`UPDATE task_rollup_state SET as_of = '2026-06-14'`.execute(db);
    await sql`UPDATE task_rollup_orgs SET overdue = 999`.execute(db);
    const background = createBackgroundJobs({
      database: t.database,
      config: { mail: null, publicUrl: null },
      clock: t.clock,
      notifications: t.app.services.notifications,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    try {
      expect(await background.scheduler.runOnce("task-rollups")).toEqual({
        status: "done",
        result: { asOf: "2026-06-15", rebuilt: true, organisations: 0 },
      });
      const state = await sql<{ asOf: string; overdue: number }>`
        SELECT (SELECT as_of::text FROM task_rollup_state) AS "asOf",
               (SELECT sum(overdue)::int FROM task_rollup_orgs) AS overdue`.execute(db);
      expect(state.rows[0]).toEqual({ asOf: "2026-06-15", overdue: right.overdue });
      expect(await background.scheduler.runOnce("task-rollups")).toEqual({
        status: "done",
        result: { asOf: "2026-06-15", rebuilt: false, organisations: 0 },
      });
      // Between days it recomputes what changed.
      await newTask("Sinh hoạt chuyên đề");
      expect(await background.scheduler.runOnce("task-rollups")).toEqual({
        status: "done",
        result: { asOf: "2026-06-15", rebuilt: false, organisations: 1 },
      });
      expect(await counts()).toEqual({
        ...right,
        total: right.total + 1,
        not_started: right.not_started + 1,
      });
    } finally {
      await background.stop();
    }
  });
});

describe("the dashboard's plans missing clears", () => {
  it("name a confidential plan by its symbol only", async () => {
    await newTask("Việc của kế hoạch mật", { planDocumentId: secretPlan });
    for (const session of [staff, communeStaff]) {
      const dashboard = (await call(session, "GET", "/api/task-dashboard")).json<TaskDashboard>();
      const entry = dashboard.missingClears.find((row) => row.plan?.id === secretPlan);
      expect(entry?.plan).toEqual({ id: secretPlan, symbol: expect.stringContaining("31"), subject: "" });
      expect(JSON.stringify(dashboard)).not.toContain("nhân sự mật");
    }
  });
});

describe("the roll-up of a plan", () => {
  it("counts a task whose plan was cleared under a task of the plan, and not the plan's neighbours", async () => {
    const db = t.database.db;
    const plan = (
      await createDocument(db, {
        ownerOrgId: province.id,
        typeAbbreviation: "KH",
        number: "44",
        issuerCodes: ["TU"],
        issuedOn: "2026-03-01",
        subject: "Kế hoạch chuyển đổi số",
      })
    ).id;
    const parent = await createTask(db, { owner: province, lead: communeA, planDocumentId: plan });
    await createTask(db, { owner: province, lead: communeA, parent, planDocumentId: plan });
    const cleared = await createTask(db, { owner: province, lead: communeA, parent, planDocumentId: null });
    await createTask(db, { owner: province, lead: communeA, parent: cleared, planDocumentId: null });
    await createTask(db, { owner: province, lead: communeA, planDocumentId: null });
    const rollup = (
      await call(staff, "GET", `/api/task-rollup?orgId=${province.id}&planId=${plan}`)
    ).json<TaskRollup>();
    // The leaves: the child of the plan and the grandchild under the cleared one.
    expect(rollup.figures.counts.total).toBe(2);
  });
});
