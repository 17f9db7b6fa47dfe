import { organisationRoutes } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

// "Today" is 15/03/2026 in Vietnam.
const NOW = "2026-03-15T03:00:00Z";
const BASIS = { effectiveDate: "2025-07-01", reason: "Nghị quyết sắp xếp đơn vị hành chính" };

let t: TestApp;
// Signed in once (sign-in is rate limited); each world re-grants their roles on its own province.
let sessions: { admin: TestSession; staffA: TestSession; memberA: TestSession };
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const p = await createProvince(t.database.db);
  const [admin, staffA, memberA] = await Promise.all([
    t.actor([{ role: "system_admin", orgId: p.province.id }]),
    t.actor([{ role: "committee_staff", orgId: p.communeA.id }]),
    t.actor([{ role: "member", orgId: p.communeA.id }]),
  ]);
  sessions = { admin, staffA, memberA };
});
afterAll(async () => {
  await t?.close();
});

type Province = Awaited<ReturnType<typeof createProvince>>;

interface World {
  p: Province;
  admin: TestSession;
  staffA: TestSession;
  memberA: TestSession;
}

async function world(): Promise<World> {
  const p = await createProvince(t.database.db);
  const grants = [
    { session: sessions.admin, role: "system_admin", orgId: p.province.id },
    { session: sessions.staffA, role: "committee_staff", orgId: p.communeA.id },
    { session: sessions.memberA, role: "member", orgId: p.communeA.id },
  ] as const;
  for (const grant of grants) {
    await t.database.db
      .deleteFrom("roleAssignments")
      .where("accountId", "=", grant.session.accountId)
      .execute();
    await t.database.db
      .insertInto("roleAssignments")
      .values({ accountId: grant.session.accountId, role: grant.role, orgId: grant.orgId })
      .execute();
  }
  return { p, ...sessions };
}

const get = (session: TestSession | null, url: string) => t.call(session, { method: "GET", url });
const post = (session: TestSession | null, url: string, payload: unknown) =>
  t.call(session, { method: "POST", url, payload: payload as object });

async function versionOf(id: number): Promise<number> {
  const row = await t.database.db
    .selectFrom("organisations")
    .select("version")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Everything a restructuring could touch, to prove a refusal changed nothing. */
async function snapshot(): Promise<string> {
  const db = t.database.db;
  const [orgs, versions, events, parts, lineage, audit] = await Promise.all([
    db.selectFrom("organisations").selectAll().orderBy("id").execute(),
    db.selectFrom("orgVersions").selectAll().orderBy("id").execute(),
    db.selectFrom("orgEvents").select("id").execute(),
    db.selectFrom("orgEventParts").select("eventId").execute(),
    db.selectFrom("orgLineage").select("eventId").execute(),
    db.selectFrom("auditLog").select("id").execute(),
  ]);
  return JSON.stringify({
    orgs,
    versions,
    events: events.length,
    parts: parts.length,
    lineage: lineage.length,
    audit: audit.length,
  });
}

async function auditCount(action: string): Promise<number> {
  const result = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(t.database.db);
  return result.rows[0]?.n ?? 0;
}

async function expectRefused(
  send: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code: string,
): Promise<void> {
  const before = await snapshot();
  const response = await send();
  expect({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  }).toEqual({
    status,
    code,
  });
  expect(await snapshot()).toBe(before);
}

describe("without a session", () => {
  it("answers 401 on every organisation route", async () => {
    // Valid bodies, so the missing session is the only thing wrong.
    const bodies: Record<string, object> = {
      createOrg: { ...BASIS, name: "Chi bộ", typeCode: "chi_bo_truc_thuoc", parentId: 1 },
      renameOrg: { ...BASIS, name: "Chi bộ", version: 1 },
      moveOrg: { ...BASIS, newParentId: 2, version: 1 },
      mergeOrgs: { ...BASIS, sourceIds: [1, 2], target: { existingId: 3 } },
      splitOrg: {
        ...BASIS,
        parts: [
          { name: "Một", typeCode: "x" },
          { name: "Hai", typeCode: "x" },
        ],
        childAssignments: [],
        version: 1,
      },
      dissolveOrg: { ...BASIS, version: 1 },
    };
    for (const [name, route] of Object.entries(organisationRoutes)) {
      const url = route.path.replace(":id", "1") + (route.path.endsWith("search") ? "?q=abc" : "");
      const response = await t.call(null, {
        method: route.method,
        url,
        ...(route.method === "POST" ? { payload: bodies[name] ?? {} } : {}),
      });
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
      expect(response.json().error.code).toBe("AUTH_REQUIRED");
    }
  });
});

describe("reading the tree", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("lists types with the types allowed under each", async () => {
    const response = await get(w.memberA, "/api/org-types");
    expect(response.statusCode).toBe(200);
    const tinh = response.json().items.find((type: { code: string }) => type.code === "tinh_uy");
    expect(tinh).toMatchObject({ nameVi: "Tỉnh ủy / Thành ủy", isDepartment: false });
    expect(tinh.allowedChildTypes).toContain("dang_uy_xa");
  });

  it("lists the roots of each actor's scope", async () => {
    const admin = (await get(w.admin, "/api/organisations/roots")).json();
    expect(admin.items.map((o: { id: number }) => o.id)).toEqual([w.p.province.id]);
    expect(admin.items[0].childCount).toBe(3);
    const staff = (await get(w.staffA, "/api/organisations/roots")).json();
    expect(staff.items).toEqual([
      {
        id: w.p.communeA.id,
        code: w.p.communeA.code,
        name: w.p.communeA.name,
        typeCode: "dang_uy_xa",
        parentId: w.p.province.id,
        status: "active",
        validFrom: "2020-01-01",
        validTo: null,
        childCount: 1,
      },
    ]);
  });

  it("shows an organisation with visible ancestors only, children and permissions", async () => {
    const asAdmin = (await get(w.admin, `/api/organisations/${w.p.cellA.id}`)).json();
    expect(asAdmin.ancestors.map((a: { id: number }) => a.id)).toEqual([w.p.province.id, w.p.communeA.id]);
    const asStaff = await get(w.staffA, `/api/organisations/${w.p.cellA.id}`);
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.json().ancestors).toEqual([
      { id: w.p.communeA.id, name: w.p.communeA.name, typeCode: "dang_uy_xa" },
    ]);
    expect(asStaff.json().canRestructure).toBe(true);
    const commune = (await get(w.staffA, `/api/organisations/${w.p.communeA.id}`)).json();
    expect(commune).toMatchObject({
      id: w.p.communeA.id,
      ancestors: [],
      childCount: 1,
      version: 1,
      asOf: null,
    });
    expect(commune.children.map((c: { id: number }) => c.id)).toEqual([w.p.cellA.id]);
    const asMember = (await get(w.memberA, `/api/organisations/${w.p.communeA.id}`)).json();
    expect(asMember.canRestructure).toBe(false);
  });

  it("answers 404 for everything of another commune", async () => {
    for (const url of [
      `/api/organisations/${w.p.communeB.id}`,
      `/api/organisations/${w.p.cellB.id}`,
      `/api/organisations/${w.p.communeB.id}/children`,
      `/api/organisations/${w.p.communeB.id}/history`,
      `/api/organisations/${w.p.province.id}`,
      "/api/organisations/999999999",
    ]) {
      const response = await get(w.staffA, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe("ORG_NOT_FOUND");
    }
  });

  it("lists children", async () => {
    const response = await get(w.admin, `/api/organisations/${w.p.province.id}/children`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    // Committees before departments.
    expect(items.map((c: { typeCode: string }) => c.typeCode)).toEqual([
      "dang_uy_xa",
      "dang_uy_xa",
      "van_phong",
    ]);
  });

  it("searches without diacritics, within scope only", async () => {
    const tanHung = await get(w.admin, "/api/organisations/search?q=dang%20uy%20xa%20tan%20hung");
    expect(tanHung.statusCode).toBe(200);
    const hit = tanHung.json().items.find((h: { id: number }) => h.id === w.p.communeA.id);
    expect(hit).toMatchObject({ name: w.p.communeA.name, pathNames: [w.p.province.name], childCount: 1 });

    const bacSon = await get(w.admin, "/api/organisations/search?q=BAC%20son");
    expect(bacSon.json().items.map((h: { id: number }) => h.id)).toContain(w.p.communeB.id);
    // By code, case-insensitively.
    const byCode = await get(w.admin, `/api/organisations/search?q=${w.p.cellB.code.toLowerCase()}`);
    expect(byCode.json().items[0].id).toBe(w.p.cellB.id);

    for (const q of ["bac son", "chi bo", "dang uy", w.p.cellB.code]) {
      const scoped = (await get(w.staffA, `/api/organisations/search?q=${encodeURIComponent(q)}`)).json();
      const ids = scoped.items.map((h: { id: number }) => h.id);
      expect(ids).not.toContain(w.p.communeB.id);
      expect(ids).not.toContain(w.p.cellB.id);
      expect(ids).not.toContain(w.p.province.id);
      for (const item of scoped.items) expect(item.pathNames).not.toContain(w.p.province.name);
    }
    const cells = (await get(w.staffA, "/api/organisations/search?q=chi%20bo")).json();
    expect(cells.items.map((h: { id: number }) => h.id)).toEqual([w.p.cellA.id]);
    expect(cells.items[0].pathNames).toEqual([w.p.communeA.name]);
    // Restricted to types (the cell pickers of the member registry).
    const onlyCommunes = (await get(w.admin, "/api/organisations/search?q=chi%20bo&types=dang_uy_xa")).json();
    expect(onlyCommunes.items).toEqual([]);
    const onlyCells = (
      await get(w.admin, `/api/organisations/search?q=chi%20bo&types=${w.p.cellA.typeCode},tinh_uy`)
    ).json();
    expect(onlyCells.items.map((h: { id: number }) => h.id)).toContain(w.p.cellA.id);
    for (const hit of onlyCells.items) expect(hit.typeCode).toBe(w.p.cellA.typeCode);
  });

  it("answers 400 with field paths for bad queries", async () => {
    const noQuery = await get(w.admin, "/api/organisations/search");
    expect(noQuery.statusCode).toBe(400);
    expect(noQuery.json().error.issues.map((i: { path: string }) => i.path)).toContain("querystring.q");
    const badDate = await get(w.admin, `/api/organisations/${w.p.communeA.id}?asOf=2025-13-01`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.issues[0].path).toBe("querystring.asOf");
    const badId = await get(w.admin, "/api/organisations/abc");
    expect(badId.statusCode).toBe(400);
  });
});

describe("restructuring", () => {
  it("creates, renames and moves, with audit rows and history", async () => {
    const w = await world();
    const created = await post(w.staffA, "/api/organisations", {
      ...BASIS,
      name: "  Chi bộ  thôn Mới ",
      typeCode: "chi_bo_truc_thuoc",
      parentId: w.p.communeA.id,
    });
    expect(created.statusCode).toBe(201);
    const org = created.json().organisations[0];
    expect(org).toMatchObject({
      name: "Chi bộ thôn Mới",
      parentId: w.p.communeA.id,
      validFrom: "2025-07-01",
      childCount: 0,
    });
    expect(created.json().eventId).toEqual(expect.any(Number));

    const renamed = await post(w.staffA, `/api/organisations/${org.id}/rename`, {
      effectiveDate: "2025-09-01",
      decisionRef: "12-QĐ/ĐU",
      name: "Chi bộ thôn Mới Hai",
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().organisations[0].name).toBe("Chi bộ thôn Mới Hai");

    const moved = await post(w.admin, `/api/organisations/${org.id}/move`, {
      ...BASIS,
      effectiveDate: "2025-10-01",
      newParentId: w.p.communeB.id,
      version: 2,
    });
    expect(moved.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", org.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${w.p.communeB.path}.${org.id}`);
    // Now outside commune A: gone for its staff.
    expect((await get(w.staffA, `/api/organisations/${org.id}`)).statusCode).toBe(404);

    const history = (await get(w.admin, `/api/organisations/${org.id}/history`)).json();
    expect(history.versions.map((v: { validFrom: string; name: string }) => [v.validFrom, v.name])).toEqual([
      ["2025-07-01", "Chi bộ thôn Mới"],
      ["2025-09-01", "Chi bộ thôn Mới Hai"],
      ["2025-10-01", "Chi bộ thôn Mới Hai"],
    ]);
    expect(history.versions[2].parentName).toBe(w.p.communeB.name);
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(["create", "rename", "move"]);
    expect(history.events[1].details).toEqual({ oldName: "Chi bộ thôn Mới", newName: "Chi bộ thôn Mới Hai" });
    expect(history.events[2].details).toEqual({ oldParent: w.p.communeA.name, newParent: w.p.communeB.name });
    expect(history.events[1]).toMatchObject({
      decisionRef: "12-QĐ/ĐU",
      reason: null,
      actorName: expect.stringContaining("Người dùng"),
    });

    // As of before the rename the old name shows.
    const then = (await get(w.admin, `/api/organisations/${org.id}?asOf=2025-08-01`)).json();
    expect(then).toMatchObject({ name: "Chi bộ thôn Mới", parentId: w.p.communeA.id });
    expect(then.ancestors.map((a: { id: number }) => a.id)).toEqual([w.p.province.id, w.p.communeA.id]);
    expect((await get(w.admin, `/api/organisations/${org.id}?asOf=2025-06-30`)).statusCode).toBe(404);

    for (const action of ["org.create", "org.rename", "org.move"])
      expect(await auditCount(action)).toBeGreaterThanOrEqual(1);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "org.rename")
      .where("entityId", "=", String(org.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorId: w.staffA.accountId, orgId: org.id });
    expect(audit.before).toMatchObject({ name: "Chi bộ thôn Mới" });
    expect(audit.after).toMatchObject({ name: "Chi bộ thôn Mới Hai" });
    expect(audit.requestId).toEqual(expect.any(String));
  });

  it("answers 400 with field paths for bad bodies", async () => {
    const w = await world();
    const noName = await post(w.staffA, "/api/organisations", {
      ...BASIS,
      typeCode: "chi_bo_truc_thuoc",
      parentId: w.p.communeA.id,
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.issues.map((i: { path: string }) => i.path)).toContain("body.name");
    const before = await snapshot();
    const noBasis = await post(w.staffA, "/api/organisations", {
      effectiveDate: "2025-07-01",
      name: "Chi bộ không lý do",
      typeCode: "chi_bo_truc_thuoc",
      parentId: w.p.communeA.id,
    });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "body.reason" }],
    });
    expect(await snapshot()).toBe(before);
    const badMerge = await post(w.admin, "/api/organisations/merge", {
      ...BASIS,
      sourceIds: [],
      target: { existingId: 1 },
    });
    expect(badMerge.json().error.issues.map((i: { path: string }) => i.path)).toContain("body.sourceIds");
    const badSplit = await post(w.admin, `/api/organisations/${w.p.communeA.id}/split`, {
      ...BASIS,
      parts: [],
      version: 1,
    });
    expect(badSplit.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["body.parts", "body.childAssignments"]),
    );
    const badMove = await post(w.admin, `/api/organisations/${w.p.communeA.id}/move`, {
      ...BASIS,
      version: 1,
    });
    expect(badMove.json().error.issues.map((i: { path: string }) => i.path)).toContain("body.newParentId");
    const badDissolve = await post(w.admin, `/api/organisations/${w.p.cellA.id}/dissolve`, {
      reason: "x",
      version: 1,
    });
    expect(badDissolve.json().error.issues.map((i: { path: string }) => i.path)).toContain(
      "body.effectiveDate",
    );
    const badRename = await post(w.admin, `/api/organisations/${w.p.cellA.id}/rename`, {
      ...BASIS,
      name: "x",
      version: 1,
    });
    expect(badRename.json().error.issues.map((i: { path: string }) => i.path)).toContain("body.name");
  });

  it("refuses what breaks the rules and changes nothing", async () => {
    const w = await world();
    const { p } = w;
    const v = versionOf;
    // Outside scope: 404 for the org itself and for ids in bodies.
    await expectRefused(
      async () =>
        post(w.staffA, `/api/organisations/${p.communeB.id}/rename`, {
          ...BASIS,
          name: "Tên mới",
          version: 1,
        }),
      404,
      "ORG_NOT_FOUND",
    );
    await expectRefused(
      async () =>
        post(w.staffA, `/api/organisations/${p.cellB.id}/move`, {
          ...BASIS,
          newParentId: p.communeA.id,
          version: 1,
        }),
      404,
      "ORG_NOT_FOUND",
    );
    await expectRefused(
      async () =>
        post(w.staffA, `/api/organisations/${p.cellA.id}/move`, {
          ...BASIS,
          newParentId: p.communeB.id,
          version: 1,
        }),
      404,
      "ORG_NOT_FOUND",
    );
    await expectRefused(
      async () =>
        post(w.staffA, "/api/organisations", {
          ...BASIS,
          name: "Chi bộ lạ",
          typeCode: "chi_bo_truc_thuoc",
          parentId: p.communeB.id,
        }),
      404,
      "ORG_NOT_FOUND",
    );
    await expectRefused(
      async () =>
        post(w.staffA, "/api/organisations/merge", {
          ...BASIS,
          sourceIds: [p.cellA.id, p.cellB.id],
          target: { existingId: p.communeA.id },
        }),
      404,
      "ORG_NOT_FOUND",
    );
    await expectRefused(
      async () =>
        post(w.memberA, `/api/organisations/${p.cellA.id}/rename`, { ...BASIS, name: "Tên mới", version: 1 }),
      404,
      "NOT_FOUND",
    );
    // Readable but not restructurable: a member who is also staff elsewhere.
    const mixed = await t.actor([
      { role: "member", orgId: p.communeA.id },
      { role: "committee_staff", orgId: p.communeB.id },
    ]);
    await expectRefused(
      async () =>
        post(mixed, `/api/organisations/${p.cellA.id}/rename`, { ...BASIS, name: "Tên mới", version: 1 }),
      403,
      "ACCESS_DENIED",
    );
    // Roots only by a system administrator holding a root.
    await expectRefused(
      async () =>
        post(w.staffA, "/api/organisations", {
          ...BASIS,
          name: "Tỉnh ủy mới",
          typeCode: "tinh_uy",
          parentId: null,
        }),
      403,
      "ORG_ROOT_NOT_ALLOWED",
    );
    // Cycle.
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.communeA.id}/move`, {
          ...BASIS,
          newParentId: p.cellA.id,
          version: await v(p.communeA.id),
        }),
      400,
      "ORG_MOVE_CYCLE",
    );
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.communeA.id}/move`, {
          ...BASIS,
          newParentId: p.communeA.id,
          version: await v(p.communeA.id),
        }),
      400,
      "ORG_MOVE_CYCLE",
    );
    // Type rules.
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.cellA.id}/move`, {
          ...BASIS,
          newParentId: p.office.id,
          version: 1,
        }),
      400,
      "ORG_TYPE_NOT_ALLOWED",
    );
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations", {
          ...BASIS,
          name: "Tổ đảng sai chỗ",
          typeCode: "to_dang",
          parentId: p.province.id,
        }),
      400,
      "ORG_TYPE_NOT_ALLOWED",
    );
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations", {
          ...BASIS,
          name: "Loại lạ",
          typeCode: "khong_co",
          parentId: p.province.id,
        }),
      400,
      "ORG_TYPE_UNKNOWN",
    );
    // Dates.
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.cellA.id}/rename`, {
          ...BASIS,
          effectiveDate: "2019-12-31",
          name: "Tên cũ",
          version: 1,
        }),
      400,
      "ORG_DATE_BEFORE_EXISTENCE",
    );
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.cellA.id}/rename`, {
          ...BASIS,
          effectiveDate: "2026-03-16",
          name: "Tên sau",
          version: 1,
        }),
      400,
      "ORG_DATE_IN_FUTURE",
    );
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations", {
          ...BASIS,
          effectiveDate: "2019-01-01",
          name: "Chi bộ sớm",
          typeCode: "chi_bo_truc_thuoc",
          parentId: p.communeA.id,
        }),
      400,
      "ORG_DATE_BEFORE_EXISTENCE",
    );
    // Stale version.
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.cellA.id}/rename`, { ...BASIS, name: "Tên mới", version: 7 }),
      409,
      "CONFLICT_STALE_VERSION",
    );
    // Active children on dissolve; unassigned children on split.
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.communeA.id}/dissolve`, {
          ...BASIS,
          version: await v(p.communeA.id),
        }),
      409,
      "ORG_HAS_ACTIVE_CHILDREN",
    );
    const before = await snapshot();
    const split = await post(w.admin, `/api/organisations/${p.communeA.id}/split`, {
      ...BASIS,
      parts: [
        { name: "Đảng ủy xã Một", typeCode: "dang_uy_xa" },
        { name: "Đảng ủy xã Hai", typeCode: "dang_uy_xa" },
      ],
      childAssignments: [],
      version: await v(p.communeA.id),
    });
    expect(split.statusCode).toBe(400);
    expect(split.json().error).toMatchObject({
      code: "ORG_SPLIT_CHILD_UNASSIGNED",
      issues: [{ path: "body.childAssignments" }],
    });
    expect(await snapshot()).toBe(before);
    // Duplicate code.
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations", {
          ...BASIS,
          name: "Chi bộ trùng mã",
          code: p.cellB.code,
          typeCode: "chi_bo_truc_thuoc",
          parentId: p.communeA.id,
        }),
      409,
      "ORG_CODE_TAKEN",
    );
    // Merge sources.
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations/merge", {
          ...BASIS,
          sourceIds: [p.communeA.id],
          target: { name: "Mới", typeCode: "dang_uy_xa", parentId: p.province.id },
        }),
      400,
      "ORG_MERGE_SOURCES_INVALID",
    );
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations/merge", {
          ...BASIS,
          sourceIds: [p.communeA.id, p.cellA.id],
          target: { existingId: p.communeB.id },
        }),
      400,
      "ORG_MERGE_SOURCES_INVALID",
    );
    // Closed organisation.
    const dissolved = await post(w.admin, `/api/organisations/${p.cellA.id}/dissolve`, {
      ...BASIS,
      version: 1,
    });
    expect(dissolved.statusCode).toBe(200);
    expect(dissolved.json().organisations[0]).toMatchObject({ status: "dissolved", validTo: "2025-07-01" });
    await expectRefused(
      async () =>
        post(w.admin, `/api/organisations/${p.cellA.id}/rename`, { ...BASIS, name: "Tên mới", version: 2 }),
      409,
      "ORG_CLOSED",
    );
    await expectRefused(
      async () =>
        post(w.admin, "/api/organisations", {
          ...BASIS,
          name: "Tổ đảng",
          typeCode: "to_dang",
          parentId: p.cellA.id,
        }),
      409,
      "ORG_CLOSED",
    );
    // A closed organisation still opens (history links), without active children.
    const closed = (await get(w.staffA, `/api/organisations/${p.cellA.id}`)).json();
    expect(closed).toMatchObject({ status: "dissolved", validTo: "2025-07-01", canRestructure: false });
    expect((await get(w.staffA, `/api/organisations/${p.communeA.id}/children`)).json().items).toEqual([]);
    expect(
      (await get(w.staffA, `/api/organisations/${p.communeA.id}/children?includeClosed=true`)).json().items,
    ).toHaveLength(1);
    expect(await auditCount("org.dissolve")).toBeGreaterThanOrEqual(1);
  });
});

describe("merging and splitting", () => {
  it("merges two communes into a new one; the past still shows them", async () => {
    const w = await world();
    const { p } = w;
    const auditBefore = await auditCount("org.merge");
    const merged = await post(w.admin, "/api/organisations/merge", {
      effectiveDate: "2025-07-01",
      decisionRef: "1656/NQ-UBTVQH15",
      sourceIds: [p.communeA.id, p.communeB.id],
      target: { name: "Đảng ủy xã Hưng Sơn", typeCode: "dang_uy_xa", parentId: p.province.id },
    });
    expect(merged.statusCode).toBe(200);
    const target = merged.json().organisations[0];
    expect(target).toMatchObject({
      name: "Đảng ủy xã Hưng Sơn",
      status: "active",
      childCount: 2,
      validFrom: "2025-07-01",
    });
    expect(
      merged
        .json()
        .organisations.slice(1)
        .map((o: { status: string }) => o.status),
    ).toEqual(["merged", "merged"]);
    expect(await auditCount("org.merge")).toBe(auditBefore + 1);

    const today = (await get(w.admin, `/api/organisations/${p.province.id}/children`)).json().items;
    expect(today.map((o: { id: number }) => o.id).sort()).toEqual([target.id, p.office.id].sort());
    const targetChildren = (await get(w.admin, `/api/organisations/${target.id}/children`)).json().items;
    expect(targetChildren.map((o: { id: number }) => o.id).sort()).toEqual([p.cellA.id, p.cellB.id].sort());
    const cellRow = await t.database.db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", p.cellA.id)
      .executeTakeFirstOrThrow();
    expect(cellRow.path).toBe(`${p.province.id}.${target.id}.${p.cellA.id}`);

    const before = (await get(w.admin, `/api/organisations/${p.province.id}/children?asOf=2025-06-30`)).json()
      .items;
    expect(before.map((o: { id: number }) => o.id).sort()).toEqual(
      [p.communeA.id, p.communeB.id, p.office.id].sort(),
    );
    expect(before.find((o: { id: number }) => o.id === p.communeA.id)).toMatchObject({
      childCount: 1,
      name: p.communeA.name,
    });
    const cellsThen = (
      await get(w.admin, `/api/organisations/${p.communeA.id}/children?asOf=2025-06-30`)
    ).json().items;
    expect(cellsThen.map((o: { id: number }) => o.id)).toEqual([p.cellA.id]);
    const cellThen = (await get(w.admin, `/api/organisations/${p.cellB.id}?asOf=2025-06-30`)).json();
    expect(cellThen.ancestors.map((a: { id: number }) => a.id)).toEqual([p.province.id, p.communeB.id]);
    expect((await get(w.admin, `/api/organisations/${target.id}?asOf=2025-06-30`)).statusCode).toBe(404);
    const searchThen = (await get(w.admin, "/api/organisations/search?q=hung%20son&asOf=2025-06-30")).json()
      .items;
    expect(searchThen.map((h: { id: number }) => h.id)).not.toContain(target.id);
    const searchNow = (await get(w.admin, "/api/organisations/search?q=hung%20son")).json().items;
    expect(searchNow[0]).toMatchObject({ id: target.id, pathNames: [p.province.name] });

    const targetHistory = (await get(w.admin, `/api/organisations/${target.id}/history`)).json();
    expect(targetHistory.events).toHaveLength(1);
    expect(targetHistory.events[0]).toMatchObject({
      kind: "merge",
      effectiveDate: "2025-07-01",
      decisionRef: "1656/NQ-UBTVQH15",
    });
    expect(targetHistory.events[0].predecessors.map((r: { id: number }) => r.id).sort()).toEqual(
      [p.communeA.id, p.communeB.id].sort(),
    );
    const sourceHistory = (await get(w.admin, `/api/organisations/${p.communeA.id}/history`)).json();
    const mergeEvent = sourceHistory.events.find((e: { kind: string }) => e.kind === "merge");
    expect(mergeEvent.successors).toEqual([
      { id: target.id, name: "Đảng ủy xã Hưng Sơn", code: target.code, visible: true },
    ]);
    expect(sourceHistory.versions).toEqual([
      {
        validFrom: "2020-01-01",
        validTo: "2025-07-01",
        name: p.communeA.name,
        typeCode: "dang_uy_xa",
        parentId: p.province.id,
        parentName: p.province.name,
      },
    ]);
    const cellHistory = (await get(w.admin, `/api/organisations/${p.cellA.id}/history`)).json();
    expect(cellHistory.events[0].details).toEqual({
      oldParent: p.communeA.name,
      newParent: "Đảng ủy xã Hưng Sơn",
    });

    // Staff of the old commune A: the merged commune is closed and the successor is outside the scope.
    const staffHistory = (await get(w.staffA, `/api/organisations/${p.communeA.id}/history`)).json();
    expect(staffHistory.versions[0].parentName).toBeNull();
    expect(staffHistory.events[0].successors[0]).toMatchObject({ id: target.id, visible: false });
  });

  it("merges into an existing organisation", async () => {
    const w = await world();
    const { p } = w;
    const merged = await post(w.admin, "/api/organisations/merge", {
      ...BASIS,
      sourceIds: [p.communeB.id],
      target: { existingId: p.communeA.id },
    });
    expect(merged.statusCode).toBe(200);
    const children = (await get(w.staffA, `/api/organisations/${p.communeA.id}/children`)).json().items;
    expect(children.map((o: { id: number }) => o.id).sort()).toEqual([p.cellA.id, p.cellB.id].sort());
    // Commune A's staff now sees the cell that came from B.
    expect((await get(w.staffA, `/api/organisations/${p.cellB.id}`)).statusCode).toBe(200);
  });

  it("splits a commune, assigning its cells, with lineage", async () => {
    const w = await world();
    const { p } = w;
    const auditBefore = await auditCount("org.split");
    const split = await post(w.admin, `/api/organisations/${p.communeA.id}/split`, {
      ...BASIS,
      parts: [
        { name: "Đảng ủy xã Tân Hưng Đông", typeCode: "dang_uy_xa", code: `SPLIT-${p.communeA.id}-1` },
        { name: "Đảng ủy xã Tân Hưng Tây", typeCode: "dang_uy_xa" },
      ],
      childAssignments: [{ childId: p.cellA.id, partIndex: 1 }],
      version: 1,
    });
    expect(split.statusCode).toBe(200);
    const [source, east, west] = split.json().organisations;
    expect(source).toMatchObject({ id: p.communeA.id, status: "split", validTo: "2025-07-01" });
    expect(east).toMatchObject({ code: `SPLIT-${p.communeA.id}-1`, parentId: p.province.id, childCount: 0 });
    expect(west).toMatchObject({ childCount: 1 });
    expect(await auditCount("org.split")).toBe(auditBefore + 1);
    const history = (await get(w.admin, `/api/organisations/${p.communeA.id}/history`)).json();
    const event = history.events.find((e: { kind: string }) => e.kind === "split");
    expect(event.successors.map((r: { id: number }) => r.id).sort()).toEqual([east.id, west.id].sort());
    const westHistory = (await get(w.admin, `/api/organisations/${west.id}/history`)).json();
    expect(westHistory.events[0].predecessors.map((r: { id: number }) => r.id)).toEqual([p.communeA.id]);
    const lineage = await t.database.db
      .selectFrom("orgLineage")
      .selectAll()
      .where("predecessorId", "=", p.communeA.id)
      .execute();
    expect(lineage).toHaveLength(2);
  });
});
