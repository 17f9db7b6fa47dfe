// A committee's clear-set and a plan's progress formula: the default five until a committee sets its
// own; inherited by the subtree from the nearest ancestor with one; setting, changing or removing a
// set re-grades the tasks owned where it applies (not under a nearer set) in the same transaction;
// versions guard both against concurrent changes; 404 outside the scope, 403 without task.manage.
import type { ClearSet, TaskDetail } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import "../../../test/provided-context.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";

let t: TestApp;
let province: OrganisationRow;
let commune: OrganisationRow;
let cell: OrganisationRow;
let staff: TestSession;
let communeStaff: TestSession;
let leader: TestSession;
let outsider: TestSession;

function call(session: TestSession | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return t.call(session, { method, url, ...(payload ? { payload } : {}) });
}

async function clearSet(session: TestSession, orgId: number): Promise<ClearSet> {
  const response = await call(session, "GET", `/api/organisations/${orgId}/clear-set`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ClearSet;
}

async function missingOf(taskId: number): Promise<string[]> {
  const row = await t.database.db
    .selectFrom("tasks")
    .select("missingClears")
    .where("id", "=", taskId)
    .executeTakeFirstOrThrow();
  return row.missingClears;
}

const PRODUCT_AND_DEADLINE = [
  { key: "product", aspect: "result", label: { vi: "Rõ sản phẩm", en: "Clear product" } },
  { key: "deadline", aspect: "time", label: { vi: "Rõ tiến độ", en: "Clear schedule" } },
];

beforeAll(async () => {
  t = await createTestApp({ now: "2026-04-01T03:00:00Z" });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Nghệ An", typeCode: "tinh_uy" });
  commune = await createOrg(db, province, { name: "Đảng ủy xã Nam Đàn", typeCode: "dang_uy_xa" });
  cell = await createOrg(db, commune, { name: "Chi bộ xóm 1", typeCode: "chi_bo_truc_thuoc" });
  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: commune.id }]);
  leader = await t.actor([{ role: "committee_leader", orgId: province.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: (await createProvince(db)).province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("clear-sets", () => {
  it("uses the default five until a committee sets its own, inherited below, and re-grades the tasks", async () => {
    const initial = await clearSet(communeStaff, cell.id);
    expect(initial).toMatchObject({
      orgId: cell.id,
      sourceOrgId: null,
      sourceOrgName: null,
      version: null,
      canEdit: true,
    });
    expect(initial.clears.map((clear) => clear.key)).toEqual([
      "person",
      "job",
      "time",
      "responsibility",
      "result",
    ]);

    const create = async (session: TestSession, ownerOrgId: number, payload: object) => {
      const response = await call(session, "POST", "/api/tasks", {
        ownerOrgId,
        title: "Tổ chức hội nghị sơ kết",
        ...payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as TaskDetail;
    };
    // lacks a person and a result; has a deadline
    const provinceTask = await create(staff, province.id, { dueDate: "2026-06-30", leadOrgId: commune.id });
    const cellTask = await create(communeStaff, cell.id, { dueDate: "2026-06-30", leadOrgId: cell.id });
    expect(provinceTask.missingClears).toEqual(["person", "result"]);

    const stale = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: PRODUCT_AND_DEADLINE,
      version: 3,
    });
    expect(stale.json().error.code).toBe("CLEAR_SET_VERSION_CONFLICT");
    const set = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: PRODUCT_AND_DEADLINE,
      version: null,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      orgId: province.id,
      sourceOrgId: province.id,
      version: 1,
      canEdit: true,
    });
    expect(await missingOf(provinceTask.id)).toEqual(["product"]);
    expect(await missingOf(cellTask.id)).toEqual(["product"]);
    const inherited = await clearSet(communeStaff, cell.id);
    expect(inherited).toMatchObject({
      sourceOrgId: province.id,
      sourceOrgName: "Tỉnh ủy Nghệ An",
      version: null,
    });
    const detail = (await call(staff, "GET", `/api/tasks/${provinceTask.id}`)).json() as TaskDetail;
    expect(detail.clears.map((clear) => [clear.key, clear.label.vi, clear.grade])).toEqual([
      ["product", "Rõ sản phẩm", "missing"],
      ["deadline", "Rõ tiến độ", "present"],
    ]);

    // the commune's own set applies to its subtree; the province's change no longer reaches it
    const own = [{ key: "person", aspect: "person", label: { vi: "Rõ người", en: "Clear person" } }];
    const communeSet = await call(communeStaff, "PUT", `/api/organisations/${commune.id}/clear-set`, {
      clears: own,
      version: null,
    });
    expect(communeSet.statusCode, communeSet.body).toBe(200);
    expect(await missingOf(cellTask.id)).toEqual(["person"]);
    const changed = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: [PRODUCT_AND_DEADLINE[1]],
      version: 1,
    });
    expect(changed.json()).toMatchObject({ version: 2 });
    expect(await missingOf(provinceTask.id)).toEqual([]);
    expect(await missingOf(cellTask.id)).toEqual(["person"]);

    // removing the province's set brings back the default five
    const removed = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: null,
      version: 2,
    });
    expect(removed.json()).toMatchObject({ sourceOrgId: null, version: null });
    expect(await missingOf(provinceTask.id)).toEqual(["person", "result"]);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("action", "=", "clear_set.update")
      .execute();
    expect(audit).toHaveLength(4);
  });

  it("refuses repeated keys, 403 to a reader, 404 outside the scope, 400 with field paths", async () => {
    const repeated = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: [PRODUCT_AND_DEADLINE[0], PRODUCT_AND_DEADLINE[0]],
      version: null,
    });
    expect(repeated.json().error).toMatchObject({
      code: "CLEAR_SET_DUPLICATE_KEY",
      issues: [{ path: "body.clears.1.key" }],
    });
    const reader = await call(leader, "GET", `/api/organisations/${province.id}/clear-set`);
    expect(reader.json()).toMatchObject({ canEdit: false });
    const denied = await call(leader, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: null,
      version: null,
    });
    expect(denied.statusCode).toBe(404);
    const above = await call(communeStaff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: null,
      version: null,
    });
    expect(above.statusCode).toBe(404);
    expect((await call(outsider, "GET", `/api/organisations/${province.id}/clear-set`)).statusCode).toBe(404);
    const bad = await call(staff, "PUT", `/api/organisations/${province.id}/clear-set`, {
      clears: [{ key: "Rõ", aspect: "mood", label: { vi: "", en: "x" } }],
      version: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(["body.clears.0.aspect", "body.clears.0.key", "body.clears.0.label.vi"]);
  });
});

describe("a plan's progress formula", () => {
  it("is average until chosen, guarded by its version, and only for plans", async () => {
    const db = t.database.db;
    const plan = (
      await createDocument(db, {
        ownerOrgId: province.id,
        typeAbbreviation: "KH",
        number: "3",
        issuerCodes: ["TU"],
      })
    ).id;
    const conclusion = (
      await createDocument(db, { ownerOrgId: province.id, typeAbbreviation: "KL", number: "4" })
    ).id;
    const url = `/api/documents/${plan}/task-plan`;
    expect((await call(staff, "GET", url)).json()).toEqual({
      documentId: plan,
      progressFormula: "average",
      version: null,
      canEdit: true,
    });
    expect((await call(leader, "GET", url)).json()).toMatchObject({ canEdit: false });
    const chosen = await call(staff, "PUT", url, { progressFormula: "weighted", version: null });
    expect(chosen.json()).toEqual({
      documentId: plan,
      progressFormula: "weighted",
      version: 1,
      canEdit: true,
    });
    const stale = await call(staff, "PUT", url, { progressFormula: "status", version: null });
    expect(stale.json().error.code).toBe("TASK_PLAN_VERSION_CONFLICT");
    const changed = await call(staff, "PUT", url, { progressFormula: "status", version: 1 });
    expect(changed.json()).toMatchObject({ progressFormula: "status", version: 2 });
    expect((await call(staff, "GET", `/api/documents/${conclusion}/task-plan`)).json().error.code).toBe(
      "TASK_PLAN_NOT_A_PLAN",
    );
    expect((await call(outsider, "GET", url)).statusCode).toBe(404);
    expect(
      (await call(communeStaff, "PUT", url, { progressFormula: "average", version: 2 })).statusCode,
    ).toBeGreaterThanOrEqual(403);
    const bad = await call(staff, "PUT", url, { progressFormula: "median", version: 2 });
    expect(bad.json().error.issues[0].path).toBe("body.progressFormula");
    const audit = await db
      .selectFrom("auditLog")
      .select("action")
      .where("action", "=", "task_plan.update")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("answers a conflict, not a failure, when two first choices of a plan's formula meet", async () => {
    const db = t.database.db;
    const newPlan = async (number: string) =>
      (
        await createDocument(db, {
          ownerOrgId: province.id,
          typeAbbreviation: "KH",
          number,
          issuerCodes: ["TU"],
        })
      ).id;
    for (const number of ["31", "32", "33", "34"]) {
      const url = `/api/documents/${await newPlan(number)}/task-plan`;
      const answers = await Promise.all([
        call(staff, "PUT", url, { progressFormula: "weighted", version: null }),
        call(staff, "PUT", url, { progressFormula: "status", version: null }),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort((x, y) => x - y)).toEqual([200, 409]);
      const saved = answers.find((answer) => answer.statusCode === 200)?.json().progressFormula;
      expect((await call(staff, "GET", url)).json()).toMatchObject({ progressFormula: saved, version: 1 });
    }
    // On PostgreSQL the meeting is made certain: a first save is held uncommitted while the other one,
    // finding no row to lock, inserts and waits on it. (PGlite serves one connection at a time.)
    if (inject("testDatabase").kind === "pglite") return;
    const url = `/api/documents/${await newPlan("35")}/task-plan`;
    const documentId = Number(url.split("/")[3]);
    let pending: ReturnType<typeof call> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("taskPlans")
        .values({ documentId, progressFormula: "status", updatedAt: new Date() })
        .execute();
      pending = call(staff, "PUT", url, { progressFormula: "weighted", version: null });
      for (let tries = 0; tries < 1000; tries += 1) {
        const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db);
        if ((waiting.rows[0]?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error("the second save never waited on the first");
    });
    const answer = await (pending as ReturnType<typeof call>);
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().error.code).toBe("TASK_PLAN_VERSION_CONFLICT");
  });
});
