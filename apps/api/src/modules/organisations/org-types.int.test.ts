import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

const NOW = "2026-03-15T03:00:00Z";
const BASIS = { effectiveDate: "2025-07-01", reason: "Thành lập theo quyết định" };

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let rootAdmin: TestSession;
let communeAdmin: TestSession;
let staff: TestSession;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  p = await createProvince(t.database.db);
  [rootAdmin, communeAdmin, staff] = await Promise.all([
    t.actor([{ role: "system_admin", orgId: p.province.id }]),
    t.actor([{ role: "system_admin", orgId: p.communeA.id }]),
    t.actor([{ role: "committee_staff", orgId: p.province.id }]),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const freshCode = () => `to_thu_${randomBytes(3).toString("hex")}`;

function newType(code: string, extra: Record<string, unknown> = {}) {
  return {
    code,
    nameVi: "Tổ công tác thử",
    nameEn: "Trial working group",
    isDepartment: false,
    sortOrder: 90,
    ...extra,
  };
}

const create = (session: TestSession | null, payload: unknown) =>
  t.call(session, { method: "POST", url: "/api/org-types", payload: payload as object });
const update = (session: TestSession | null, code: string, payload: unknown) =>
  t.call(session, { method: "PUT", url: `/api/org-types/${code}`, payload: payload as object });

async function typeOf(session: TestSession, code: string) {
  const response = await t.call(session, { method: "GET", url: "/api/org-types" });
  const items = response.json().items as { code: string; allowedChildTypes: string[]; version: number }[];
  return items.find((item) => item.code === code);
}

async function auditRows(code: string) {
  return t.database.db
    .selectFrom("auditLog")
    .selectAll()
    .where("entityType", "=", "org_type")
    .where("entityId", "=", code)
    .orderBy("id")
    .execute();
}

async function rulesSnapshot(): Promise<string> {
  const db = t.database.db;
  const [types, rules, audit] = await Promise.all([
    db.selectFrom("orgTypes").selectAll().orderBy("code").execute(),
    db.selectFrom("orgTypeRules").selectAll().orderBy("parentType").orderBy("childType").execute(),
    db.selectFrom("auditLog").select("id").execute(),
  ]);
  return JSON.stringify({ types, rules, audit: audit.length });
}

describe("organisation types: access", () => {
  it("answers 401 without a session", async () => {
    expect((await create(null, newType(freshCode()))).statusCode).toBe(401);
    expect((await update(null, "to_dang", {})).statusCode).toBe(401);
  });

  it("answers 404 to committee staff and to an administrator of a commune, even for a bad body", async () => {
    for (const session of [staff, communeAdmin]) {
      const created = await create(session, newType(freshCode(), { allowedParentTypes: ["dang_uy_xa"] }));
      expect(created.statusCode).toBe(404);
      expect(created.json().error.code).toBe("NOT_FOUND");
      expect((await create(session, { code: "Không hợp lệ" })).statusCode).toBe(404);
      const updated = await update(session, "to_dang", {
        nameVi: "Tổ đảng",
        nameEn: "Party group",
        isDepartment: false,
        sortOrder: 70,
        allowedChildTypes: [],
        version: 1,
      });
      expect(updated.statusCode).toBe(404);
    }
  });

  it("tells the web app who may manage types", async () => {
    const me = async (session: TestSession) =>
      (await t.call(session, { method: "GET", url: "/api/auth/me" })).json().canManageOrgTypes;
    expect(await me(rootAdmin)).toBe(true);
    expect(await me(communeAdmin)).toBe(false);
    expect(await me(staff)).toBe(false);
  });
});

describe("organisation types: validation", () => {
  it("answers 400 with every field path", async () => {
    const response = await create(rootAdmin, {
      code: "1-Sai",
      nameVi: "",
      isDepartment: "no",
      sortOrder: -1,
      allowedChildTypes: ["Không Hợp Lệ"],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const paths = (body.error.issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.code",
        "body.nameVi",
        "body.nameEn",
        "body.isDepartment",
        "body.sortOrder",
        "body.allowedChildTypes.0",
      ]),
    );
  });

  it("answers 400 for an update without a version", async () => {
    const response = await update(rootAdmin, "to_dang", { nameVi: "Tổ đảng" });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["body.nameEn", "body.version", "body.allowedChildTypes"]));
  });

  it("refuses unknown type codes in the lists with ORG_TYPE_UNKNOWN at each entry", async () => {
    const before = await rulesSnapshot();
    const response = await create(
      rootAdmin,
      newType(freshCode(), {
        allowedChildTypes: ["to_dang", "khong_co"],
        allowedParentTypes: ["cung_khong"],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("ORG_TYPE_UNKNOWN");
    expect(response.json().error.issues).toEqual([
      { path: "body.allowedChildTypes.1", message: "Loại tổ chức không tồn tại." },
      { path: "body.allowedParentTypes.0", message: "Loại tổ chức không tồn tại." },
    ]);
    const edit = await update(rootAdmin, "to_dang", {
      nameVi: "Tổ đảng",
      nameEn: "Party group",
      isDepartment: false,
      sortOrder: 70,
      allowedChildTypes: ["khong_co"],
      version: 1,
    });
    expect(edit.json().error.code).toBe("ORG_TYPE_UNKNOWN");
    expect(await rulesSnapshot()).toBe(before);
  });

  it("refuses a code already used with ORG_TYPE_CODE_TAKEN at the code", async () => {
    const response = await create(rootAdmin, newType("chi_bo_co_so"));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("ORG_TYPE_CODE_TAKEN");
    expect(response.json().error.issues).toEqual([
      { path: "body.code", message: "Mã loại tổ chức đã được dùng." },
    ]);
  });

  it("answers ORG_TYPE_NOT_FOUND for an unknown type and CONFLICT_STALE_VERSION for an old version", async () => {
    const body = {
      nameVi: "Không có",
      nameEn: "Missing",
      isDepartment: false,
      sortOrder: 1,
      allowedChildTypes: [],
      version: 1,
    };
    const missing = await update(rootAdmin, "khong_ton_tai", body);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("ORG_TYPE_NOT_FOUND");

    const code = freshCode();
    expect((await create(rootAdmin, newType(code))).statusCode).toBe(201);
    expect((await update(rootAdmin, code, { ...body, version: 1 })).statusCode).toBe(200);
    const stale = await update(rootAdmin, code, { ...body, nameVi: "Lần hai", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT_STALE_VERSION");
  });
});

describe("organisation types: changing the rules", () => {
  it("adds a type under communes, places an organisation by it, and refuses to drop the rule in use", async () => {
    const code = freshCode();
    const created = await create(
      rootAdmin,
      newType(code, { allowedParentTypes: ["dang_uy_xa", "dang_uy_xa"], allowedChildTypes: ["to_dang"] }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      code,
      nameVi: "Tổ công tác thử",
      nameEn: "Trial working group",
      isDepartment: false,
      holdsMembers: false,
      sortOrder: 90,
      allowedChildTypes: ["to_dang"],
      version: 1,
    });
    expect((await typeOf(rootAdmin, "dang_uy_xa"))?.allowedChildTypes).toContain(code);

    // The restructuring API now accepts the new type under a commune.
    const org = await t.call(rootAdmin, {
      method: "POST",
      url: "/api/organisations",
      payload: { ...BASIS, name: "Tổ công tác thôn Đông", typeCode: code, parentId: p.communeA.id },
    });
    expect(org.statusCode).toBe(201);

    // Removing "new type under commune" while that organisation is active: refused, nothing changed.
    const commune = await typeOf(rootAdmin, "dang_uy_xa");
    if (!commune) throw new Error("dang_uy_xa missing");
    const before = await rulesSnapshot();
    const edit = {
      nameVi: "Đảng ủy xã / phường / đặc khu",
      nameEn: "Commune / ward / special zone Party committee",
      isDepartment: false,
      sortOrder: 20,
      allowedChildTypes: commune.allowedChildTypes.filter((child) => child !== code),
      version: commune.version,
    };
    const refused = await update(rootAdmin, "dang_uy_xa", edit);
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe("ORG_TYPE_RULE_IN_USE");
    expect(error.message).toContain("đang có tổ chức hoạt động");
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe("body.allowedChildTypes");
    expect(error.issues[0].message).toContain("Tổ công tác thử");
    expect(error.issues[0].message).toContain("Đảng ủy xã / phường / đặc khu");
    expect(await rulesSnapshot()).toBe(before);

    // Once the organisation is dissolved the rule may go, and the API refuses new placements.
    const orgId = org.json().organisations[0].id as number;
    const dissolved = await t.call(rootAdmin, {
      method: "POST",
      url: `/api/organisations/${orgId}/dissolve`,
      payload: { ...BASIS, effectiveDate: "2026-01-01", version: 1 },
    });
    expect(dissolved.statusCode).toBe(200);
    const removed = await update(rootAdmin, "dang_uy_xa", edit);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().allowedChildTypes).not.toContain(code);
    expect(removed.json().version).toBe(commune.version + 1);
    const again = await t.call(rootAdmin, {
      method: "POST",
      url: "/api/organisations",
      payload: { ...BASIS, name: "Tổ công tác thôn Tây", typeCode: code, parentId: p.communeA.id },
    });
    expect(again.json().error.code).toBe("ORG_TYPE_NOT_ALLOWED");
  });

  it("updates names, flag, order and child rules, and audits both changes with the rule sets", async () => {
    const code = freshCode();
    await create(rootAdmin, newType(code, { allowedParentTypes: ["tinh_uy"] }));
    const updated = await update(rootAdmin, code, {
      nameVi: "Ban công tác thử",
      nameEn: "Trial commission",
      isDepartment: true,
      holdsMembers: true,
      sortOrder: 85,
      allowedChildTypes: ["van_phong", "van_phong"],
      version: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({
      code,
      nameVi: "Ban công tác thử",
      nameEn: "Trial commission",
      isDepartment: true,
      holdsMembers: true,
      sortOrder: 85,
      allowedChildTypes: ["van_phong"],
      version: 2,
    });
    // Leaving the flag out of an update keeps it.
    const kept = await update(rootAdmin, code, {
      nameVi: "Ban công tác thử",
      nameEn: "Trial commission",
      isDepartment: true,
      sortOrder: 85,
      allowedChildTypes: ["van_phong"],
      version: 2,
    });
    expect(kept.json()).toMatchObject({ holdsMembers: true, version: 3 });

    const rows = await auditRows(code);
    expect(rows.map((row) => row.action)).toEqual(["org_type.create", "org_type.update", "org_type.update"]);
    const [createdRow, updatedRow] = rows;
    expect(createdRow?.orgId).toBeNull();
    expect(createdRow?.actorId).toBe(rootAdmin.accountId);
    expect(createdRow?.after).toMatchObject({ code, allowedChildTypes: [], allowedParentTypes: ["tinh_uy"] });
    expect(updatedRow?.before).toMatchObject({
      nameVi: "Tổ công tác thử",
      allowedChildTypes: [],
      version: 1,
    });
    expect(updatedRow?.after).toMatchObject({
      nameVi: "Ban công tác thử",
      isDepartment: true,
      allowedChildTypes: ["van_phong"],
      allowedParentTypes: ["tinh_uy"],
      version: 2,
    });

    // The root administrator reads these rows in the audit log (entries about no organisation).
    const log = await t.call(rootAdmin, {
      method: "GET",
      url: `/api/audit?entityType=org_type&entityId=${code}`,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().total).toBe(3);
  });
});
